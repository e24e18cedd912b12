"""`candor check`: run the engine over files or a JSONL stream, without the service."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from .engine import check
from .extract import extract_text
from .model import Verdict

_TYPES = {".html": "text/html", ".htm": "text/html", ".md": "text/markdown", ".markdown": "text/markdown"}


def content_type_for(path: str) -> str:
    return _TYPES.get(Path(path).suffix.lower(), "text/plain")


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def _report(name: str, verdict: Verdict, out: TextIO) -> None:
    d = verdict.to_dict()
    rd, oc = d["checks"]
    scores = d["scores"]
    rd_score = "n/a" if scores["risk_disclosure"] is None else f"{scores['risk_disclosure']:.2f}"
    out.write(f"{name}: {d['decision'].upper()}  (ruleset {d['ruleset']})\n")
    out.write(f"  risk disclosure: {rd['status']}  score {rd_score}\n")
    for e in rd["elements"]:
        mark = "present" if e["present"] else "absent"
        out.write(f"    - {e['element']}: {mark}\n")
        for ev in e["evidence"][:1]:
            out.write(f'        [{ev["start"]}:{ev["end"]}] "{ev["quote"]}"\n')
    out.write(
        f"  overclaim: {oc['status']}  score {scores['overclaim']:.2f}  ({len(oc['findings'])} findings)\n"
    )
    for f in oc["findings"]:
        flags = ",".join(k for k in ("hedged", "negated", "attributed") if f[k])
        out.write(
            f"    - {f['rule']} [{f['severity']}] {f['category']}{' (' + flags + ')' if flags else ''}\n"
        )
        out.write(f'        [{f["start"]}:{f["end"]}] "{f["quote"]}"\n')
        out.write(f"        why: {f['message']}\n")
        if f.get("rewrite"):
            out.write(f"        rewrite: {f['rewrite']}\n")
        out.write(f"        try: {f['suggestion']}\n")
    out.write("\n")


def _run_jsonl(stream: TextIO, out: TextIO) -> None:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        ident: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object")
            ident = item.get("id")
            body = item.get("body")
            if not isinstance(body, str):
                raise ValueError("'body' must be a string")
            ctype = item.get("content_type") or "text/plain"
            title = item.get("title")
            if not isinstance(ctype, str) or (title is not None and not isinstance(title, str)):
                raise ValueError("'content_type' and 'title' must be strings")
            text = extract_text(body, ctype)
            result = {"id": ident, **check(text, title=title).to_dict()}
        except Exception as exc:  # one bad line must not stop a batch
            result = {"id": ident, "line": lineno, "error": f"{type(exc).__name__}: {exc}"}
        out.write(_dumps(result) + "\n")
        out.flush()


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Readable report or one verdict JSON per line.",
)
@click.option(
    "--jsonl", is_flag=True, help='Read JSON lines {"id","body","content_type"?,"title"?} ("-" = stdin).'
)
def check_command(files: tuple[str, ...], fmt: str, jsonl: bool) -> None:
    """Check article files (or a JSONL stream) and print their verdicts."""
    out = sys.stdout
    if jsonl:
        for name in files or ("-",):
            if name == "-":
                _run_jsonl(sys.stdin, out)
            else:
                with open(name, encoding="utf-8", errors="replace") as fh:
                    _run_jsonl(fh, out)
        return
    if not files:
        click.echo("no files given (use --jsonl - to read a stream)", err=True)
        return
    for name in files:
        try:
            if name == "-":
                body = sys.stdin.read()
                ctype = "text/plain"
            else:
                body = Path(name).read_text(encoding="utf-8", errors="replace")
                ctype = content_type_for(name)
            text = extract_text(body, ctype)
            verdict = check(text)
        except Exception as exc:
            if fmt == "json":
                out.write(_dumps({"file": name, "error": f"{type(exc).__name__}: {exc}"}) + "\n")
            else:
                out.write(f"{name}: ERROR {type(exc).__name__}: {exc}\n\n")
            continue
        if fmt == "json":
            out.write(_dumps({"file": name, **verdict.to_dict()}) + "\n")
        else:
            _report(name, verdict, out)
