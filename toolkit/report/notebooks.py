"""Running the lessons: every notebook of a folder executed and written as HTML."""
from __future__ import annotations

from pathlib import Path

__all__ = ["run_notebooks"]


def run_notebooks(folder: str | Path, out: str | Path, *, only: list[str] | None = None, timeout: int = 600,
                  progress: bool = False) -> list[Path]:
    """Execute every ``*.ipynb`` in ``folder`` (sorted; or just the names in ``only``) and write each as HTML.

    Notebooks run with ``folder`` as their working directory, on the ``python3``
    kernel of this environment; no timing metadata is recorded, so reruns give
    the same cells. A notebook that fails raises ``RuntimeError`` naming the
    notebook and the cell's error.
    """
    import os
    import tempfile

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter
    from tqdm.auto import tqdm

    folder, out = Path(folder), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    written = []
    paths = sorted(p for p in folder.glob("*.ipynb") if only is None or p.name in only)
    for path in tqdm(paths, desc="notebooks", unit="nb", disable=not progress):
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
        body, _ = exporter.from_notebook_node(notebook)
        target = out / (path.stem + ".html")
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written
