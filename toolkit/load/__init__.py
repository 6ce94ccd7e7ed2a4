"""Load: files and folders of articles → the corpus table (one row per article).

``load`` reads a file, a folder (recursively) or a list of paths; the
streaming loaders give the same rows in chunks (``load_chunks``, Parquet), and
every table carries its load report (``load_report``, ``skipped_inputs``).

======================  ==========================================================
module                  what it does
======================  ==========================================================
``corpus``              walk the inputs, build the table: ``load``
``formats``             one text file: decoding, front matter, one reader per format
``documents``           which reader a file needs, by content: Word, PDF, RTF, Media Cloud
``nexis``               Nexis exports (classic text, Nexis Uni): one record per article
``clean``               captions, bylines and page furniture out of the body
``load_report``         the load report: ``load_report``, ``skipped_inputs``, ``LoadError``
``chunks``              streaming: ``load_chunks``, ``concat_chunks``
``parquet``             ``write_parquet``, ``read_parquet``, ``load_parquet_chunks``
======================  ==========================================================
"""
from .chunks import concat_chunks, load_chunks
from .corpus import CORE_COLUMNS, detect_language, load
from .formats import SUPPORTED_SUFFIXES, decode_bytes, split_front_matter
from .load_report import LoadError, load_report, skipped_inputs
from .parquet import load_parquet_chunks, read_parquet, write_parquet

__all__ = ["load", "load_chunks", "load_parquet_chunks", "read_parquet", "write_parquet", "concat_chunks",
           "LoadError", "load_report", "skipped_inputs", "detect_language", "SUPPORTED_SUFFIXES",
           "CORE_COLUMNS", "decode_bytes", "split_front_matter"]
