"""Sentences a person reads live in content files, not in the code of the commands, the services
or the web app: a scan of the code for prose handed to the functions that show it.

The scan reads every call to a function that puts words in front of someone (`say`, click's
`echo` and `prompt`, a redirect's flash, an error a user can cause) and refuses an argument
written in code with three words or more: a plain string, an f-string or strings added up.
Words kept in a content file and filled in (`content.fill(...)`) pass, and so do format codes
such as f"{number}/{total} · {topic}", which hold no words of their own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nextyes

SOURCE = Path(nextyes.__file__).parent
AREAS = ("cli", "services", "web")

# Functions whose arguments are shown to a person as they are.
SHOWN = {"say", "echo", "secho", "prompt", "confirm", "redirect", "fail"}
# Of these, the ones whose first argument is an address, not words.
ADDRESS_FIRST = {"redirect"}
# Errors a person meets as a message; the project's own are found by the scan (any class that
# derives from one of these).
ERRORS = {"NextyesError", "ClickException", "UsageError", "BadParameter", "HTTPException"}
# Keyword arguments that carry the message.
MESSAGE_KEYWORDS = {"message", "detail", "flash", "text"}
_WORD = re.compile(r"[^\W\d_]{2,}")
WORDS_IN_A_SENTENCE = 3

# What is still written in code, file by file, until it moves to a content file: this list
# only shrinks. A file gains no new sentence, and a file that loses one is listed lower.
STILL_IN_CODE: dict[str, int] = {
    "cli/commands/admin.py": 6,
    "cli/commands/admin_org.py": 2,
    "cli/commands/mail/group.py": 1,
    "cli/commands/mail/importing.py": 3,
    "cli/commands/mail/review.py": 2,
    "cli/commands/serve.py": 2,
    "services/coaching/client_view.py": 1,
    "services/coaching/notes.py": 1,
    "services/mail/importer.py": 1,
    "services/mail/review.py": 2,
    "services/organisations/operator.py": 1,
    "web/pages/mail.py": 2,
    "web/team/account_api.py": 2,
    "web/team/account_pages.py": 1,
    "web/team/coaching_api.py": 1,
    "web/team/coaching_pages.py": 1,
}  # fmt: skip


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_words(node: ast.expr) -> str | None:
    """The words written in code in a shown argument, or None when it is not written there."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        parts = [
            n.value
            for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and not _inside_a_call(node, n)
        ]  # fmt: skip
        return " ".join(parts)
    if isinstance(node, ast.IfExp):
        return " ".join(filter(None, (_literal_words(node.body), _literal_words(node.orelse))))
    return None


def _inside_a_call(root: ast.expr, constant: ast.Constant) -> bool:
    """A constant inside a call within an f-string (a key such as words["done"]) is no prose."""
    return any(
        isinstance(node, ast.Call | ast.Subscript)
        and node is not root
        and any(inner is constant for inner in ast.walk(node))
        for node in ast.walk(root)
    )


def _trees() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(SOURCE)): ast.parse(path.read_text(encoding="utf-8"))
        for area in AREAS
        for path in sorted((SOURCE / area).rglob("*.py"))
    }


def _error_names(trees: dict[str, ast.Module]) -> set[str]:
    """The error classes a person can meet, with the project's subclasses from anywhere in it."""
    names = set(ERRORS)
    modules = [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCE.rglob("*.py")]
    classes = [
        node
        for tree in [*modules, *trees.values()]
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    grown = True
    while grown:
        before = len(names)
        names |= {c.name for c in classes if any(_name(b) in names for b in c.bases)}
        grown = len(names) > before
    return names


def sentences_in_code(trees: dict[str, ast.Module]) -> dict[str, list[str]]:
    """File -> the sentences written in its code, each as `line: words`."""
    shown = SHOWN | _error_names(trees)
    found: dict[str, list[str]] = {}
    for where, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call.func) not in shown:
                continue
            given = call.args[1:] if _name(call.func) in ADDRESS_FIRST else call.args
            arguments = [*given, *(k.value for k in call.keywords if k.arg in MESSAGE_KEYWORDS)]
            for argument in arguments:
                words = _literal_words(argument)
                if words is not None and len(_WORD.findall(words)) >= WORDS_IN_A_SENTENCE:
                    found.setdefault(where, []).append(f"{call.lineno}: {words[:80]}")
    return found


def test_no_new_sentence_is_written_in_code() -> None:
    found = sentences_in_code(_trees())
    grown = {
        where: said
        for where, said in found.items()
        if len(said) > STILL_IN_CODE.get(where, 0)
    }  # fmt: skip
    assert grown == {}, (
        "Sentences written in code; put them in src/nextyes/content/<feature>/*.toml and fill "
        f"them with content.fill: {grown}"
    )
    shrunk = {
        where: (count, len(found.get(where, [])))
        for where, count in STILL_IN_CODE.items()
        if len(found.get(where, [])) < count
    }
    assert shrunk == {}, f"moved to content files: list these lower in STILL_IN_CODE: {shrunk}"


def _scan(code: str) -> list[str]:
    return sentences_in_code({"example.py": ast.parse(code)}).get("example.py", [])


def test_the_scan_finds_sentences_in_every_form_they_are_written() -> None:
    written = """
class StillStuck(InvalidInput): ...
say(f"Draft written to {path}; open it in your mail app.")
click.echo("Kept as contacts at " + company + ": " + people)
raise InvalidInput("Nothing was changed. Add --yes to skip the question.")
raise StillStuck(message=f"{day} is in the future; give the day you reflected.")
return redirect(f"/applications/{id}/recovery/reply", "Backed up your journal and kept a copy.")
value = click.prompt("A number from 1 to 5 (or Enter to skip)", default="")
say("No backups yet." if empty else "Your backups are listed below here.")
"""
    assert len(_scan(written)) == 7


def test_words_from_content_files_and_format_codes_pass_the_scan() -> None:
    kept = """
say(content.fill(words["restored"], file=done.source, applications=count))
say(f"{number}/{total} · {question.topic_label}", style="bold")
say(f"  {before}", style="dim")
click.echo(shown)
raise InvalidInput(_said("in_future", day=on.isoformat()))
raise InvalidInput(f"{said(words['keep_too_few'])} {extra}")
logger.info("This goes to the log for whoever runs the server, not to a person.")
"""
    assert _scan(kept) == []
