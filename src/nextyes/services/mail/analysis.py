"""Read, classify and extract every message of a mailbox, on several cores when it is big.

Splitting the mailbox stays in this process (it is quick and keeps memory flat); decoding,
classifying and extracting run in worker processes on batches of raw messages, with only a few
batches in flight at a time, so memory stays bounded whatever the size of the mailbox.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from nextyes.domain.mail import AnalysedMail
from nextyes.domain.mail_labels import Band
from nextyes.mail.decode import parse_message
from nextyes.mail.readers import RawMessage
from nextyes.text.email_classifier import batch_collection, load_email_classifier
from nextyes.text.email_facts import extract_facts
from nextyes.text.email_features import own_text

BATCH = 256
BATCH_BYTES = 4 * 1024 * 1024
"""A batch closes at BATCH messages or this many bytes, so big attachments keep it small."""
SNIPPET_CHARS = 240
MAX_KEY = 300


@dataclass(frozen=True, slots=True)
class Analysed:
    """One raw message's outcome: the analysed mail, or None when it could not be decoded."""

    position: int
    mail: AnalysedMail | None
    size: int


def snippet_of(body: str) -> str:
    """The start of a message, in whole words: a longer one ends at a word with "…", never
    partway through one."""
    text = " ".join(own_text(body, 2000).split())
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text[: SNIPPET_CHARS - 1]
    if text[SNIPPET_CHARS - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def analyse(
    raw: bytes,
    *,
    truncated: bool = False,
    keep_body: bool = False,
    shared_domains: frozenset[str] = frozenset(),
) -> AnalysedMail:
    """Decode, classify and extract one raw message; `shared_domains` are the sending domains
    the journal learned to speak for many employers (services/mail/senders.py)."""
    message = parse_message(raw, truncated=truncated)
    prediction, why = load_email_classifier().analyse(message.subject, message.body, message.sender)
    facts = extract_facts(
        prediction.label,
        subject=message.subject,
        body=message.body,
        sender_name=message.sender_name,
        sender_domain=message.sender_domain,
        sent=message.date,
        shared_domains=shared_domains,
    )
    key = message.message_id
    if len(key) > MAX_KEY:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()
    job_mail = prediction.band is not Band.ASIDE
    return AnalysedMail(
        message_key=key,
        message_id=message.message_id if message.has_own_id else None,
        received_at=message.date,
        sender=message.sender,
        sender_address=message.sender_address,
        sender_domain=message.sender_domain,
        subject=message.subject,
        label=prediction.label,
        confidence=prediction.confidence,
        company=facts.company.name,
        role=facts.role,
        via_ats=facts.company.via_ats,
        interview_at=tuple(facts.interview_times),
        reached_stage=facts.reached_stage.value if facts.reached_stage else None,
        reasons=tuple(facts.reasons),
        # the snippet is kept for every message (the journal's corrections recognise mail by
        # it) but stored only for job mail
        snippet=snippet_of(message.body),
        body=message.body if keep_body and job_mail else None,
        defects=message.defects,
        band=prediction.band,
        runner_up=prediction.runner_up,
        why=why if job_mail else (),
    )


def _analyse_batch(
    batch: list[RawMessage], keep_body: bool, shared_domains: frozenset[str]
) -> list[Analysed]:
    results = []
    with batch_collection():
        for raw in batch:
            try:
                mail: AnalysedMail | None = analyse(
                    raw.data,
                    truncated=raw.truncated,
                    keep_body=keep_body,
                    shared_domains=shared_domains,
                )
            except Exception:  # one broken message must not stop the rest
                mail = None
            results.append(Analysed(raw.position, mail, len(raw.data)))
    return results


def _batches(raws: Iterable[RawMessage]) -> Iterator[list[RawMessage]]:
    batch: list[RawMessage] = []
    size = 0
    for raw in raws:
        batch.append(raw)
        size += len(raw.data)
        if len(batch) == BATCH or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def default_workers(size_bytes: int) -> int:
    """Worker processes for a mailbox of this size: none for small ones, else every core."""
    if size_bytes < 2_000_000:
        return 0
    return max(1, min(os.cpu_count() or 1, 4))


def _die_with_parent(parent: int) -> None:
    """A worker ends with the import that started it, even when that is killed outright
    (kill -9 leaves no chance to stop the pool): Linux signals the worker when its parent
    dies. Elsewhere the pool's own shutdown is all there is."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(0)


def analyse_stream(
    raws: Iterable[RawMessage],
    *,
    workers: int = 0,
    keep_bodies: bool = False,
    shared_domains: frozenset[str] = frozenset(),
) -> Iterator[Analysed]:
    """Analysed messages in mailbox order; `workers` > 0 spreads the work over processes."""
    if workers <= 0:
        for batch in _batches(raws):
            yield from _analyse_batch(batch, keep_bodies, shared_domains)
        return
    # loaded once here, shared with forked workers
    load_email_classifier().prepare_explanations()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        pending: deque[Future[list[Analysed]]] = deque()
        for batch in _batches(raws):
            pending.append(pool.submit(_analyse_batch, batch, keep_bodies, shared_domains))
            if len(pending) >= workers * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
