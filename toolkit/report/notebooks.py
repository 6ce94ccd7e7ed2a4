"""Running the lessons: every notebook of a folder executed and written as HTML."""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["run_notebooks", "warnings_as_notes"]

_WARNING = re.compile(r"^\S.*?:\d+: (\w*Warning): (.*)$")

# JupyterLab's page without what it would fetch from a CDN (require.js, MathJax, mermaid, the widget manager):
# the executed lessons open offline like the rest of the report (the lessons use no TeX, widgets or diagrams).
_OFFLINE_PAGE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def warnings_as_notes(text: str) -> str:
    """Python's warning lines (``path:line: UserWarning: message`` and the source line after it) as short notes.

    >>> print(warnings_as_notes("/x/y.py:3: UserWarning: quotes: skipped 1 document(s)\\n  found = f()\\nother\\n"))
    Note: quotes: skipped 1 document(s)
    other
    <BLANKLINE>
    """
    lines, out, skip = text.splitlines(keepends=True), [], False
    for line in lines:
        match = _WARNING.match(line.rstrip("\n"))
        if match:
            kind = "" if match.group(1) == "UserWarning" else f" ({match.group(1)})"
            out.append(f"Note{kind}: {match.group(2)}\n")
            skip = True
        elif skip and line.startswith((" ", "\t")):
            skip = False  # the source line Python prints under a warning
        else:
            out.append(line)
            skip = False
    return "".join(out)


def _notes(notebook) -> None:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = warnings_as_notes(output["text"])
                if text != output["text"]:
                    output["text"], output["name"] = text, "stdout"


def _run_one(path: Path, folder: Path, out: Path, timeout: int) -> Path:
    """Execute one notebook in a kernel of its own and write it as HTML; returns the HTML file."""
    import os
    import tempfile

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="toolkit-kernel-") as sockets:
        # On Unix, sockets in a private folder instead of loopback TCP: nothing listens on a port
        # (and the kernel has no "running over TCP without encryption" warning to print)
        where = {"transport": "ipc", "ip": os.path.join(sockets, "kernel")} if os.name == "posix" else {}
        kernel = KernelManager(kernel_name="python3", connection_file=os.path.join(sockets, "kernel.json"),
                               **where)
        client = NotebookClient(notebook, km=kernel, timeout=timeout, record_timing=False,
                                resources={"metadata": {"path": str(folder)}})
        try:
            client.execute()
        except CellExecutionError as exc:
            raise RuntimeError(f"notebook {path.name} failed:\n{exc}") from None
        finally:
            if kernel.has_kernel:  # a kernel handed to nbclient is ours to stop
                kernel.shutdown_kernel(now=False)
    _notes(notebook)  # a warning in a lesson reads as a one-line note, not a stack of paths
    # sanitize_html: HTML a cell outputs (a table of the user's own articles) keeps its markup but loses any script
    exporter = HTMLExporter(template_name="lab", template_file="offline.html.j2", sanitize_html=True,
                            extra_loaders=[DictLoader({"offline.html.j2": _OFFLINE_PAGE})])
    body, _ = exporter.from_notebook_node(notebook)
    target = out / (path.stem + ".html")
    target.write_text(body, encoding="utf-8")
    return target


def run_notebooks(folder: str | Path, out: str | Path, *, only: list[str] | None = None, timeout: int = 600,
                  progress: bool = False, jobs: int | None = None) -> list[Path]:
    """Execute every ``*.ipynb`` in ``folder`` (sorted; or just the names in ``only``) and write each as HTML.

    Notebooks run with ``folder`` as their working directory, on the ``python3``
    kernel of this environment, each in a kernel of its own, ``jobs`` at a time
    (default: one per CPU core); no timing metadata is recorded, so reruns give
    the same cells, whatever the order they finish in. Warnings are shown as one-line notes
    (:func:`warnings_as_notes`). A notebook that fails raises ``RuntimeError`` naming the
    notebook and the cell's error. Returns the HTML files in the notebooks' sorted order.
    """
    import os
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from tqdm.auto import tqdm

    folder, out = Path(folder), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in folder.glob("*.ipynb") if only is None or p.name in only)
    jobs = max(1, min(len(paths), jobs or os.cpu_count() or 1))
    # Threads only wait on the kernels (separate processes) that do the work; each thread runs its own event loop.
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="notebook") as pool, \
            tqdm(total=len(paths), desc="notebooks", unit="nb", disable=not progress) as bar:
        running = {pool.submit(_run_one, path, folder, out, timeout): path for path in paths}
        try:
            for done in as_completed(running):
                done.result()
                bar.update()
        except BaseException:
            for future in running:
                future.cancel()  # the ones not started; the running ones finish and stop their kernels
            raise
    return [out / (path.stem + ".html") for path in paths]
