"""Direct quotations: the stretches of text between quotation marks, found on the raw text.

The scanner works on characters, not tokens, in one left-to-right pass over the article (linear time
whatever the input), so that malformed text cannot make it slow:

* marks: French guillemets « », English curly quotes “ ”, German low-high „ “, single guillemets ‹ ›,
  straight double quotes " (opening or closing by position), and the dialogue dash (—, – at the
  start of a paragraph, for a speaker's turn);
* nesting: marks opened inside an open quotation are part of its content; only outermost quotations
  are reported;
* paragraphs: a quotation still open at the end of a paragraph continues when the next paragraph
  reopens it with the same mark (the typographic convention for multi-paragraph quotations);
  otherwise it is closed at the end of its paragraph and reported as ``closed=False``, so an
  unbalanced mark never swallows the rest of the article;
* a closing mark with nothing open is ignored;
* a lost closing mark: a straight quote that can only open (a space before it, a word glued after it)
  while another straight quote is open ends the open one, unclosed, at its first sentence's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarkedQuote", "scan_direct"]

# Opening mark -> the marks that close it. "“" closes "„" (German style) but opens otherwise.
_CLOSERS: dict[str, str] = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"', "''": "''"}
# Two apostrophes stand for a straight double quote in some newspapers' text ("''It's over,'' he said").
_MARKS = re.compile(r"''|[«»“”„‹›\"\n]")
_STRAIGHT = frozenset({'"', "''"})
_DASHES = "—–"
# White space that may pad the inside of guillemets in French typography (thin and no-break spaces).
_PAD = " \t\r\u00a0\u202f\u2009"


@dataclass(frozen=True)
class MarkedQuote:
    """One outermost quotation: ``text[start:end]`` is its content, marks and padding excluded.

    ``open``/``close`` bound the marks themselves (``close`` is the end of the content when the mark
    never closed). ``paragraphs`` counts the paragraphs the quotation runs over.
    """

    start: int
    end: int
    open: int
    close: int
    mark: str
    closed: bool
    paragraphs: int = 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _PAD:
        start += 1
    while end > start and text[end - 1] in _PAD:
        end -= 1
    return start, end


def _starts_with(text: str, pos: int, end: int, mark: str) -> int | None:
    """Position of ``mark`` if the paragraph starting at ``pos`` opens with it (after padding)."""
    while pos < end and text[pos] in _PAD:
        pos += 1
    return pos if pos < end and text.startswith(mark, pos) else None


def _straight_opens(text: str, i: int, width: int = 1) -> bool:
    """Whether a straight double quote at ``i`` (with nothing open) opens a quotation.

    It opens when it is not glued to a preceding letter or digit (``12" screen``, ``word"``) and is
    followed by something other than white space.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _opener_shape(text: str, i: int, width: int = 1) -> bool:
    """Whether a straight quote at ``i`` can only open: white space before it, a letter or a digit
    glued after it (' "Le prix'); a closing mark stands after the words it closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return before in _PAD + "\n" and after.isalnum()


_SENTENCE_END = re.compile(r"[.!?…]+(?=\s+[A-ZÀ-Ý«\"“])")


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """End of the first sentence of ``text[start:end]`` (after its stop), or ``end``."""
    m = _SENTENCE_END.search(text, start, end)
    return m.end() if m else end


def scan_direct(text: str) -> list[MarkedQuote]:
    """All outermost quotations of ``text``, in order (see the module docstring for the rules)."""
    out: list[MarkedQuote] = []
    n = len(text)
    stack: list[tuple[str, int]] = []  # open marks: (mark, position); the mark's width is len(mark)
    carried_paras = 1  # paragraphs spanned by the open outer quotation
    para_start = 0

    def emit(open_pos: int, mark: str, close_pos: int, closed: bool, close_width: int = 1) -> None:
        s, e = _trim(text, open_pos + len(mark), close_pos)
        if e > s:
            out.append(
                MarkedQuote(s, e, open_pos, close_pos + (close_width if closed else 0), mark, closed, carried_paras)
            )

    def start_paragraph(pos: int) -> int:
        """Handle the start of a paragraph at ``pos``; return where mark scanning resumes."""
        nonlocal carried_paras
        para_end = text.find("\n", pos)
        para_end = n if para_end < 0 else para_end
        if stack:
            mark, open_pos = stack[0]
            reopened = _starts_with(text, pos, para_end, mark)
            if reopened is not None:
                del stack[1:]  # inner marks never cross a paragraph
                carried_paras += 1
                return reopened + len(mark)
            emit(open_pos, mark, _last_content(pos), False)
            stack.clear()
        carried_paras = 1
        first = pos
        while first < para_end and text[first] in _PAD:
            first += 1
        if first < para_end and text[first] in _DASHES and first + 1 < para_end and text[first + 1] in _PAD:
            # A dialogue turn: the rest of the paragraph is the speaker's words.
            s, e = _trim(text, first + 1, para_end)
            if e > s:
                out.append(MarkedQuote(s, e, first, para_end, text[first], True, 1))
            return para_end
        return pos

    def _last_content(pos: int) -> int:
        """End of the previous paragraph's text (before the newline(s) that precede ``pos``)."""
        end = pos
        while end > 0 and text[end - 1] in "\n" + _PAD:
            end -= 1
        return end

    i = start_paragraph(0)
    for m in _MARKS.finditer(text):
        j = m.start()
        if j < i:
            continue  # inside a dialogue turn or a consumed reopening mark
        ch = m.group()
        if ch == "\n":
            para_start = j + 1
            i = start_paragraph(para_start)
            continue
        if stack and ch in _STRAIGHT and stack[0][0] == ch and len(stack) == 1 and _opener_shape(text, j, len(ch)):
            # A straight quote with a space before it and a word glued after it opens: the quotation
            # open before it lost its closing mark. It ends where its first sentence does.
            open_pos = stack[0][1]
            emit(open_pos, ch, _first_sentence_end(text, open_pos + len(ch), j), False)
            stack.clear()
            carried_paras = 1
            stack.append((ch, j))
            continue
        if stack:
            # Close the innermost open mark this character closes (dropping unclosed inner marks).
            for k in range(len(stack) - 1, -1, -1):
                top = stack[k][0]
                if ch == _CLOSERS[top] or (len(ch) == 1 and len(top) == 1 and ch in _CLOSERS[top]):
                    if k == 0:
                        emit(stack[0][1], stack[0][0], j, True, len(ch))
                        stack.clear()
                        carried_paras = 1
                    else:
                        del stack[k:]
                    break
            else:
                if ch in _CLOSERS and (ch not in _STRAIGHT or _straight_opens(text, j, len(ch))):
                    stack.append((ch, j))
            continue
        if ch in _CLOSERS and (ch not in _STRAIGHT or _straight_opens(text, j, len(ch))):
            stack.append((ch, j))
    if stack:
        emit(stack[0][1], stack[0][0], _last_content(n), False)
    out.sort(key=lambda q: q.start)
    return out
