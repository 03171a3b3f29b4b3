"""An invisible text layer (render mode 3) for rebuilt pages, so kept words stay searchable.

The font is a tiny embedded TrueType font whose glyphs are all blank (made once with
fontTools' FontBuilder: units per em 1000, ascent 800, descent -200, advance 500, glyphs
``.notdef`` and ``blank``). Text is written as two-byte codes equal to the Unicode code
point; a CIDToGIDMap sends every code to the blank glyph and a ToUnicode CMap maps each
code back to its character, which is how readers extract and search the text.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf

_FONT_PROGRAM = zlib.decompress(
    base64.b64decode(
        "eNqVUbtOw0AQnDs7vAUFFCktlAIpPCSKiAIJRSBSUCCFD4AjGFvKObFiRyJUdFDyAXS0fAIlRRo6CjoaJPIBo"
        "Q7js0FJoGGs3b0Z3e2s7yAAzOAKFpzDo43NvbfdW0CsUD2pBSrEHPbJqWHV051zGIinJPmuOlsLrl+4fmCUfA"
        "rWsljn+p1R8IP4QvTN/humCd2sqez8Y8IDdRHSV5JPkTsNFbivhR49RJe8GTajOPCiZ0BuJf5IZmUU7w5mjxe"
        "2P2FZvaTbR/H+crhmMJ1TOxJnwB7pNKkyAmEU+cMlxmGJPm8hBxv/xA6RtTAzWA66Y1ucoclSb4uxxCxMtZE3"
        "uplqMDAhfhnZKGWq4Kt9/6PEJBk72dNU8ljM1hLzKJbrcUV3Ql+7UVR1vbZWLZRRR4wKNDoI4bO6iPhVWT20y"
        "RVaf93QKJJXlblTrRr1Lyw9SJM="
    )
)
FONT_NAME = "/FAkt"
_ADVANCE = 0.5  # glyph advance in text space units (500 / 1000 em)
_DESCENT = 0.2


@dataclass(frozen=True)
class PlacedWord:
    """A word in the new page's PDF coordinates (origin bottom-left, points)."""

    text: str
    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top


def _to_unicode_cmap() -> bytes:
    ranges = "\n".join(f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256))
    chunks = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    # bfrange blocks hold at most 100 entries each.
    lines = ranges.split("\n")
    for start in range(0, len(lines), 100):
        block = lines[start : start + 100]
        chunks.append(f"{len(block)} beginbfrange\n" + "\n".join(block) + "\nendbfrange")
    chunks.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(chunks).encode("ascii")


def flate_stream(pdf: pikepdf.Pdf, data: bytes) -> pikepdf.Stream:
    """A Flate-compressed stream, so the file can be saved without recompressing others."""
    return pikepdf.Stream(pdf, zlib.compress(data, 6), Filter=pikepdf.Name.FlateDecode)


def glyphless_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """A Type0 font object (added to ``pdf``) for invisible, extractable text."""
    program = flate_stream(pdf, _FONT_PROGRAM)
    program.Length1 = len(_FONT_PROGRAM)
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name("/AktGlyphless"),
        Flags=4,
        FontBBox=[0, -200, 500, 800],
        ItalicAngle=0,
        Ascent=800,
        Descent=-200,
        CapHeight=800,
        StemV=80,
        FontFile2=program,
    )
    cid_to_gid = flate_stream(pdf, b"\x00\x01" * 65536)
    cid_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/AktGlyphless"),
        CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=int(_ADVANCE * 1000),
        CIDToGIDMap=cid_to_gid,
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/AktGlyphless"),
        Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(cid_font)],
        ToUnicode=flate_stream(pdf, _to_unicode_cmap()),
    )
    return pdf.make_indirect(font)


def _encode(text: str) -> str:
    # Two-byte codes = Unicode code points; characters beyond the BMP become U+FFFD.
    return "".join(f"{ord(ch) if ord(ch) <= 0xFFFF else 0xFFFD:04X}" for ch in text)


def text_layer_ops(words: Iterable[PlacedWord]) -> bytes:
    """Content-stream operators that place each word invisibly over its box.

    The font size is the box height; horizontal scaling stretches the word to the box width,
    so a reader's selection and search highlight land where the word is seen on the image.
    """
    ops: list[str] = []
    for word in words:
        text = word.text.strip()
        height = word.y1 - word.y0
        width = word.x1 - word.x0
        if not text or height <= 0.5 or width <= 0.5:
            continue
        natural = len(text) * _ADVANCE * height
        scale = max(1.0, min(10000.0, 100.0 * width / natural))
        baseline = word.y0 + _DESCENT * height
        ops.append(
            f"BT 3 Tr {FONT_NAME} {height:.2f} Tf {scale:.2f} Tz "
            f"1 0 0 1 {word.x0:.2f} {baseline:.2f} Tm <{_encode(text)}> Tj "
            # a narrow trailing space so extractors see the word boundary
            "50 Tz <0020> Tj ET"
        )
    return ("\n".join(ops) + "\n").encode("ascii") if ops else b""
