"""Safe uploads: a picture is checked from its content, limited in size, re-encoded by Pillow and
stored outside the web root; it is only ever served through the item rule (views.upload_file).

What is refused: anything larger than settings.MAX_UPLOAD_BYTES or than MAX_PIXELS, anything
Pillow does not recognise as a JPEG, PNG, GIF or WebP image from its bytes (whatever the file's
name or the browser's content type say), SVG, HTML or script content. What is kept: the pixels
only, at most MAX_SIDE on the longest side, as a fresh JPEG (or PNG when the picture has
transparency), without any metadata such as the place a photo was taken.
"""

from __future__ import annotations

import base64
import hashlib
import io
import uuid
import warnings
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from samenopweg.cases import items
from samenopweg.cases.models import Trajectory, Upload

INPUT_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_PIXELS = 40_000_000  # before decoding: a small file can unpack to gigabytes
MAX_SIDE = 2000
# Markup in the first bytes: an SVG, an HTML page or a script dressed up as a picture.
MARKUP = (b"<svg", b"<?xml", b"<html", b"<script", b"<!doctype")


def _refuse(message: str) -> ValidationError:
    return ValidationError({"picture": message})


def _read(uploaded: Any) -> bytes:
    if uploaded.size is not None and uploaded.size > settings.MAX_UPLOAD_BYTES:
        raise _refuse(
            _("Dit bestand is te groot. Kies een foto of tekening tot %(mb)d MB.")
            % {"mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    uploaded.seek(0)
    data = uploaded.read(settings.MAX_UPLOAD_BYTES + 1)
    if len(data) > settings.MAX_UPLOAD_BYTES:
        raise _refuse(
            _("Dit bestand is te groot. Kies een foto of tekening tot %(mb)d MB.")
            % {"mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    return bytes(data)


def reencode(data: bytes) -> tuple[bytes, str, str, int, int]:
    """Check and re-encode picture bytes: (new bytes, content type, extension, width, height)."""
    not_a_picture = _(
        "Dit is geen foto of tekening die we kunnen lezen. Kies een JPG- of PNG-bestand."
    )
    too_large = _(
        "Deze foto is te groot: hoogstens %(million)s miljoen beeldpunten, zoals 8000 bij 5000."
        " Kies een kleinere foto of maak hem eerst kleiner."
    ) % {"million": MAX_PIXELS // 1_000_000}
    head = data[:1024].lstrip().lower()
    if any(marker in head for marker in MARKUP):
        raise _refuse(not_a_picture)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in INPUT_FORMATS:
                    raise _refuse(not_a_picture)
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise _refuse(too_large)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.seek(0)  # the first frame of an animation
                picture = ImageOps.exif_transpose(image) or image
                picture.thumbnail((MAX_SIDE, MAX_SIDE))
                transparent = picture.mode in ("RGBA", "LA") or (
                    picture.mode == "P" and "transparency" in picture.info
                )
                out = io.BytesIO()
                clean = picture.convert("RGBA" if transparent else "RGB")
                # Pillow carries comments, ICC profiles and the like along in `info`, and its
                # writers put some of them back: only the pixels may go through.
                clean.info = {}
                if transparent:
                    clean.save(out, format="PNG", optimize=True)
                    content_type, extension = "image/png", "png"
                else:
                    clean.save(out, format="JPEG", quality=85, optimize=True)
                    content_type, extension = "image/jpeg", "jpg"
                size = picture.size
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own limit (Image.MAX_IMAGE_PIXELS) refuses a huge picture while opening it,
        # before our check of the size can say so: it is too large, not unreadable.
        raise _refuse(too_large) from exc
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
    ) as exc:
        raise _refuse(not_a_picture) from exc
    return out.getvalue(), content_type, extension, size[0], size[1]


@transaction.atomic
def store_picture(
    *,
    trajectory: Trajectory,
    uploaded: Any,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> Upload:
    """Check, re-encode and keep one picture of a trajectory; its audit row in the same
    transaction. Raises ValidationError({"picture": ...}) with a message for the form."""
    items.refuse_closed(trajectory)  # before reading the bytes: no file for a closed file
    data, content_type, extension, width, height = reencode(_read(uploaded))
    upload = Upload(
        trajectory=trajectory,
        content_type=content_type,
        size=len(data),
        width=width,
        height=height,
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=str(getattr(uploaded, "name", ""))[:200],
        audience=audience,
    )
    # A random name: nothing of the original name reaches the disk.
    upload.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
    return items.create(
        item=upload,
        actor=actor,
        request=request,
        detail={"content_type": content_type, "size": len(data)},
    )


def data_url(upload: Upload) -> str:
    """The picture as a data: URL, for PDFs (core.pdf fetches nothing else)."""
    with upload.file.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{upload.content_type};base64,{encoded}"
