"""Safe uploads: content checked, size limited, re-encoded, stored outside the web root, served
only through the item rule."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import Upload
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.cases.uploads import MAX_SIDE, store_picture
from samenopweg.core.models import Audience


def picture(fmt: str = "JPEG", size: tuple[int, int] = (300, 200), **save: Any) -> bytes:
    image = Image.new("RGB", size, (200, 80, 40))
    out = io.BytesIO()
    image.save(out, format=fmt, **save)
    return out.getvalue()


def _store(world: World, data: bytes, name: str = "tekening.jpg", **kwargs: Any) -> Upload:
    return store_picture(
        trajectory=world.trajectory,
        uploaded=SimpleUploadedFile(name, data, content_type="image/jpeg"),
        audience=kwargs.get("audience", Audience.PARENTS),
        actor=world.owner,
    )


def test_a_photo_is_reencoded_without_its_metadata_and_stored_outside_the_web_root(
    world: World,
) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Camera van mama"  # Make
    exif[0x8825] = {2: (50.0, 51.0, 0.0)}  # GPS: where the photo was taken
    upload = _store(world, picture(exif=exif.tobytes(), comment=b"Thuis in de Kerkstraat 12"))
    path = Path(upload.file.path)
    assert path.is_file()
    assert Path(settings.UPLOAD_ROOT) in path.parents
    assert Path(settings.STATIC_ROOT) not in path.parents
    assert "tekening" not in path.name  # a random name on disk
    with Image.open(path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert "comment" not in stored.info
    assert b"Kerkstraat" not in path.read_bytes()
    assert (upload.width, upload.height, upload.content_type) == (300, 200, "image/jpeg")
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="cases.upload", object_id=str(upload.pk)
    ).exists()


def test_a_big_picture_is_made_smaller_and_transparency_stays_png(world: World) -> None:
    big = _store(world, picture(size=(MAX_SIDE * 2, MAX_SIDE)))
    assert max(big.width, big.height) == MAX_SIDE
    drawing = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    out = io.BytesIO()
    drawing.save(out, format="PNG")
    assert _store(world, out.getvalue(), "tekening.png").content_type == "image/png"


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<?xml version='1.0'?><svg/>",
        b"<html><script>alert(1)</script></html>",
        b"GIF89a<script>alert(1)</script>",
        b"%PDF-1.7 not a picture",
        b"MZ\x90\x00 an executable",
        b"",
    ],
    ids=["svg", "xml", "html", "gif-polyglot", "pdf", "exe", "empty"],
)
def test_what_is_not_a_picture_is_refused_whatever_its_name(world: World, data: bytes) -> None:
    with pytest.raises(ValidationError) as refused:
        _store(world, data, "foto.jpg")
    assert "geen foto of tekening" in str(refused.value)
    assert not Upload.objects.exists()


def test_too_big_is_refused_with_a_clear_message(world: World, settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        _store(world, picture(size=(800, 800)))
    assert "te groot" in str(refused.value)


def test_a_decompression_bomb_is_refused_as_too_large(world: World) -> None:
    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(bomb, format="PNG")
    assert len(bomb.getvalue()) < 200_000  # small on disk, 100 million pixels inside
    with pytest.raises(ValidationError) as refused:
        _store(world, bomb.getvalue(), "bom.png")
    assert "te groot: hoogstens 40 miljoen beeldpunten" in str(refused.value)
    assert "geen foto" not in str(refused.value)


def _claiming_size(png: bytes, width: int, height: int) -> bytes:
    """The same PNG with a header (IHDR) that claims another size, its checksum made right."""
    assert png[12:16] == b"IHDR"
    header = png[16:29]
    claimed = struct.pack(">II", width, height) + header[8:]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + claimed) & 0xFFFFFFFF)
    return png[:16] + claimed + crc + png[33:]


def test_a_20000_by_20000_picture_is_refused_as_too_large_not_as_unreadable(
    world: World,
) -> None:
    # Pillow refuses this size while opening the file (more than twice its own limit).
    data = _claiming_size(picture("PNG", size=(20, 20)), 20_000, 20_000)
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(data))
    with pytest.raises(ValidationError) as refused:
        _store(world, data, "groot.png")
    message = " ".join(refused.value.message_dict["picture"])
    assert "Deze foto is te groot: hoogstens 40 miljoen beeldpunten" in message
    assert "geen foto" not in message
    assert not Upload.objects.exists()


def test_the_file_url_follows_the_item_rule(world: World) -> None:
    shared = _store(world, picture(), audience=Audience.PARENTS)
    private = _store(world, picture(), audience=Audience.PROFESSIONALS)

    def get(user: Any, upload: Upload) -> Any:
        url = reverse("cases:upload_file", args=[world.trajectory.reference, upload.pk])
        return logged_in_client(user).get(url)

    response = get(world.worker, private)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    assert get(world.parent, shared).status_code == 200
    assert get(world.parent, private).status_code == 404
    for outsider in (world.worker_elsewhere, world.parent_elsewhere, world.other_consultant):
        assert get(outsider, shared).status_code == 404
    assert (
        Client()
        .get(reverse("cases:upload_file", args=[world.trajectory.reference, shared.pk]))
        .status_code
        == 302
    )


def test_a_picture_that_leaves_a_story_is_for_professionals_only(world: World) -> None:
    """A withdrawn page, a replaced picture, a story narrowed: the old picture's URL follows."""
    from samenopweg.safety_plans import services as plan_services
    from samenopweg.safety_plans.tests import plan_world as hoe

    story = hoe.ensure_story(world)
    page = story.pages.get()
    first = page.picture_id
    assert Upload.objects.get(pk=first).audience == Audience.CHILD
    plan_services.update_story_page(
        page=page,
        expected_version=page.version,
        text=page.text,
        uploaded=hoe.picture_file("nieuw.png"),
        picture_alt="Een nieuw huis",
        remove_picture=False,
        actor=world.worker,
    )
    assert Upload.objects.get(pk=first).audience == Audience.PROFESSIONALS
    page.refresh_from_db()
    second = page.picture_id
    plan_services.update_story(
        story=story,
        expected_version=story.version,
        title=story.title,
        written_with="",
        audience=Audience.PARENTS,
        actor=world.worker,
    )
    assert Upload.objects.get(pk=second).audience == Audience.PARENTS
    plan_services.withdraw_story_page(page=page, actor=world.worker)
    assert Upload.objects.get(pk=second).audience == Audience.PROFESSIONALS
    url = reverse("cases:upload_file", args=[world.trajectory.reference, second])
    assert logged_in_client(world.parent).get(url).status_code == 404
