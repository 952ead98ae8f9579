"""Real PNG and JPEG logos for the tests, made with Pillow (ReportLab's image library)."""

from __future__ import annotations

import io

from PIL import Image


def picture_bytes(kind: str = "PNG", size: tuple[int, int] = (240, 96), colour: str = "#1f4e79") -> bytes:
    """A plain image of ``size`` pixels as a PNG or JPEG file's bytes."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=kind)
    return buffer.getvalue()


def noisy_png(size: tuple[int, int]) -> bytes:
    """A PNG that does not compress: about 3 bytes a pixel (to pass a size limit)."""
    import os

    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, format="PNG")
    return buffer.getvalue()
