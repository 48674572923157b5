"""The ``Doc._`` attributes through which dateline's components talk to each other.

The contract between stages is deliberately plain: each component writes lists of dicts already in the
shape of the analysis contract (``../schema/analysis.v1.md``), with their ids (``e1``, ``t1``, ``q1``,
``v1``) assigned by the component that creates them, so later components can refer to them and
:func:`dateline.record.doc_to_record` only has to assemble them.

=====================  ======================================  ================================
attribute              what                                    written by
=====================  ======================================  ================================
``doc._.dct``          :class:`~dateline.article.PubDate`       the caller, before the pipeline
``doc._.published``    ``(earliest, latest)`` dates or None     the time component (else = dct)
``doc._.entities``     list of entity dicts                     ``dateline_entities``
``doc._.timexes``      list of timex dicts                      ``dateline_timex``
``doc._.quotes``       list of quote dicts                      ``dateline_quotes``
``doc._.events``       list of event dicts                      ``dateline_events``
=====================  ======================================  ================================
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text", "register_extensions", "seed_text"]

_LIST_ATTRS = ("entities", "timexes", "quotes", "events")


def register_extensions() -> None:
    """Register dateline's ``Doc`` extensions (idempotent)."""
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            # A getter-free default of None, replaced by a fresh list per doc: a mutable default list
            # would be shared by every Doc.
            Doc.set_extension(name, default=None)


register_extensions()

_TEXT_KEY = "dateline_text"


def seed_text(doc: Doc, text: str) -> None:
    """Give :func:`doc_text` the Doc's text when the caller already has it (it must equal ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy rebuilds ``Doc.text`` from its tokens on every access, so a component that reads it per
    mention or per event does quadratic work on a long article. The text never changes once the Doc
    exists, so it is kept in ``doc.user_data``.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return str(cached)
