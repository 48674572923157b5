"""Hard-wrapped text: line breaks that are typesetting, not structure, read as spaces.

Wire-service archives (Reuters-21578 among them) break every line at about 60–70 characters, inside
sentences and inside quotations, and mark paragraphs only by a shorter last line. Read as they are,
those breaks cut a sentence in the middle for the parser, end a quotation at the end of its first
line for the quotation scanner, and split a clause for the quote finder's segmenter, which all take
a line break for a paragraph break.

:func:`unwrap` gives the text with the typesetting breaks replaced by spaces and the paragraph
breaks kept. It replaces one character by one character, so every offset into the result is an
offset into the original: the pipeline tokenises and parses the unwrapped text and keeps the original
for the record (``dateline.pipeline.make_doc``), and the quotation scanner reads the unwrapped text.
Text that is not hard-wrapped (one paragraph per line, blank lines between paragraphs) comes back
unchanged, so French press and broadcast texts and ordinary web articles are not touched.
"""

from __future__ import annotations

import bisect
import itertools
import re

import numpy as np
from spacy.tokens import Doc

__all__ = ["is_hard_wrapped", "split_seams", "unwrap"]

# At least this many lines before a text can be called hard-wrapped: a headline over two lines is not.
_MIN_LINES = 5
# Typical full line lengths of hard-wrapped text: the 90th percentile of the line lengths falls in this
# range (teletype and archive layouts use 60–80 columns; 40 leaves room for narrow columns). A text
# of one paragraph per line has a far larger 90th percentile.
_WIDTH = (40, 100)
# Share of line breaks that fall inside a sentence (after a letter, a digit, a comma or a hyphen, with
# text on both sides): in hard-wrapped news about two in three; in texts with one line per paragraph
# or per list item almost none.
_INSIDE_SHARE = 0.5
# A line this much shorter than the full width and ending a sentence ends its paragraph; a line under
# half the width ends one whatever its last character (a dateline, a table row, a signature).
_SHORT = 0.8
_VERY_SHORT = 0.5
_FINAL = frozenset(".!?:;\"'”»)’")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _width(lines: list[str]) -> int:
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip())
    return lengths[(len(lengths) * 9) // 10 - 1] if lengths else 0


def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` is broken at a fixed width inside its sentences (see the module docstring)."""
    lines = _lines(text)
    full = [x for x in lines if x.strip()]
    if len(full) < _MIN_LINES:
        return False
    width = _width(lines)
    if not _WIDTH[0] <= width <= _WIDTH[1]:
        return False
    breaks = inside = 0
    for cur, nxt in itertools.pairwise(lines):
        if not cur.strip() or not nxt.strip():
            continue
        breaks += 1
        last = cur.rstrip()[-1]
        if last.isalnum() or last in ",-":
            inside += 1
    return breaks > 0 and inside >= _INSIDE_SHARE * breaks


def unwrap(text: str) -> str:
    """``text`` with its typesetting line breaks replaced by spaces (same length, same offsets).

    Kept: breaks before or after a blank line, before an indented line, after a line that ends a
    sentence well short of the full width (the last line of a paragraph), and after a very short line.
    Text that is not hard-wrapped is returned as it is.
    """
    if "\n" not in text or not is_hard_wrapped(text):
        return text
    lines = _lines(text)
    width = _width(lines)
    out = list(text)
    pos = 0
    for k, cur in enumerate(lines[:-1]):
        pos += len(cur)  # index of the newline after this line
        nxt = lines[k + 1]
        body = cur.rstrip()
        keep = (
            not body
            or not nxt.strip()
            or nxt[:1] in (" ", "\t")
            or len(body) < _VERY_SHORT * width
            or (len(body) < _SHORT * width and body[-1] in _FINAL)
        )
        if not keep:
            if pos > 0 and text[pos - 1] == "\r":
                out[pos - 1] = " "
            out[pos] = " "
        pos += 1
    return "".join(out)


# Paragraph seams lost in a corpus's extraction: the last sentence of one paragraph glued to the first
# of the next, with no space ("… précise le document.Jean-Paul …", "… des avancées.\"Il faut …",
# "… cette posture\"Élisabeth Borne confie …"). The tokenizer then keeps "2.Le" or "posture\"Élisabeth"
# as one token, and the speaker, the quotation mark and the sentence boundary are lost in it. A seam
# is a sentence-final stop or a quotation mark between a lower-case letter (or a digit, a closing
# bracket, or an acronym of two capitals: "… la CGT.La grève …") and a capital followed by a
# lower-case letter or by an elision ("….D'après", "….L'élu"); abbreviations ("U.S.A.") and
# decimals ("3.5") do not have that shape.
_SEAM = re.compile(
    r"(?:(?<=[a-zà-ÿ0-9)%»”])|(?<=[A-ZÀ-Ý]{2}))(?:[.!?…]+[\"“”«»]?|[\"“”«»])(?=[A-ZÀ-Ý](?:[a-zà-ÿ]|['’][A-Za-zÀ-ÿ]))"
)
_MARKS = frozenset('"“”«»')


def split_seams(doc: Doc, text: str | None = None) -> Doc:
    """Split the tokens that hold a glued paragraph seam (see ``_SEAM``) at the seam, before the
    tagger and parser run: "posture\"Élisabeth" becomes "posture", "\"", "Élisabeth". No character
    is added or removed, so offsets are unchanged.

    ``text`` is ``doc.text`` when the caller has it (the string the Doc was tokenised from): spaCy
    rebuilds ``doc.text`` from the tokens on every access."""
    text = doc.text if text is None else text
    cuts: dict[int, list[int]] = {}  # token index -> character offsets (in the token) to cut at
    starts: list[int] = []  # the tokens' offsets, read (in one array) at the first seam only
    for m in _SEAM.finditer(text):
        if not starts:
            starts = doc.to_array("IDX").tolist()
        for pos in (m.start(), m.end()):
            k = bisect.bisect_right(starts, pos) - 1
            if k < 0:
                continue
            tok = doc[k]
            off = pos - tok.idx
            if 0 < off < len(tok.text):
                cuts.setdefault(k, []).append(off)
        # A stop and a mark glued together ('."'): the mark is a token of its own.
        seam = m.group()
        if len(seam) > 1 and seam[-1] in _MARKS:
            pos = m.end() - 1
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and 0 < pos - doc[k].idx < len(doc[k].text):
                cuts.setdefault(k, []).append(pos - doc[k].idx)
    if not cuts:
        return doc
    with doc.retokenize() as retok:
        for k, offs in cuts.items():
            tok = doc[k]
            bounds = [0, *sorted(set(offs)), len(tok.text)]
            orths = [tok.text[a:b] for a, b in itertools.pairwise(bounds)]
            retok.split(tok, orths, heads=[(tok, i) for i in range(len(orths))])
    return _join_clitics(doc)


# Inverted subject clitics. Before a glued seam ("poursuit-elle.\"Il …") the tokenizer cuts them as
# "-" + "elle" instead of its usual "-elle"; they are joined back, so that the clitic reads as one.
_CLITICS = frozenset({"il", "elle", "ils", "elles", "on", "t"})


def _join_clitics(doc: Doc) -> Doc:
    spans = []
    # Only a "-" token can start a clitic to join; a joined pair's clitic is no "-", so testing every
    # dash in order finds the pairs a left-to-right walk over all tokens finds.
    dash_orth = doc.vocab.strings["-"]
    for k in np.flatnonzero(doc.to_array("ORTH") == dash_orth).tolist():
        if k < 1 or k + 1 >= len(doc):
            continue
        dash, word, prev = doc[k], doc[k + 1], doc[k - 1]
        glued = not dash.whitespace_ and not prev.whitespace_ and prev.is_alpha
        after = doc[k + 2] if k + 2 < len(doc) else None
        ends = after is None or bool(word.whitespace_) or after.is_punct or after.text.startswith("-")
        if glued and word.lower_ in _CLITICS and ends and (word.lower_ != "t" or after is not None):
            spans.append(doc[k : k + 2])
    if spans:
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span)
    return doc
