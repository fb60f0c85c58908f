"""What the browser tests and their fixtures share: where Chromium is, how it is launched,
the page size, where screenshots go and the hostile article's text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# A page-text dump (title line, blank line, paragraphs) whose words happen to be markup:
# read as text, it must be shown as text.
HOSTILE = ("Warga Bandung Menolak Rencana Pembangunan Jalan Tol\n\n"
           "BANDUNG - Seorang warga menulis <script>alert(1)</script> di kolom komentar situs berita itu "
           "pada Senin (20/10), kata polisi yang menyelidiki kasus tersebut di Bandung, Jawa Barat.\n\n"
           "Polisi mengatakan tulisan <img src=x onerror=alert(2)> itu tidak berbahaya bagi pembaca "
           "situs karena hanya berupa teks biasa yang ditampilkan apa adanya.\n\n"
           "Pemerintah kota Bandung menyatakan akan terus berdialog dengan warga tentang rencana "
           "pembangunan jalan tol tersebut sebelum keputusan akhir diambil pada akhir tahun ini.\n")


def chromium_path() -> str | None:
    """The Chromium binary to launch: $WARTA_CHROMIUM, /usr/bin/chromium or `chromium` on the PATH."""
    for candidate in (os.environ.get("WARTA_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None
