"""Say exactly which system libraries a real window needs, instead of Qt's
"could not load the Qt platform plugin xcb"."""

from __future__ import annotations

import ctypes.util
import os
import sys

# Libraries the xcb platform plugin loads that the PySide6 wheel does not bring,
# with the Debian/Ubuntu package that provides each.
_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_platform_libraries() -> str | None:
    """A message naming the packages to install, or None when nothing is missing."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and not os.environ.get("DISPLAY") and os.environ.get("WAYLAND_DISPLAY"):
        return None
    missing = [pkg for lib, pkg in _XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if not missing:
        return None
    return (
        "deskapp needs X libraries that are not installed: "
        + ", ".join(missing)
        + ".\nOn Debian or Ubuntu: sudo apt-get install "
        + " ".join(missing)
    )
