"""Where the evaluation data lives and how to read it.

The corpora are not part of the repository. Every path is checked before use; a
missing one raises ``MissingData`` naming the file and what to do, and the command
exits with status 2.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

BBC = "bbc_news/bbc_news.jsonl"
LANGID = "langid/langid_focus.jsonl"
FTFY_DIR = "ftfy_tests"
LT = "languagetool_en/lt_en_examples_upstream.jsonl"


class MissingData(Exception):
    """A corpus file the benchmark needs is absent."""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    kind: str = "text"


def need(corpus: Path, rel: str) -> Path:
    path = Path(corpus) / rel
    if not path.exists():
        raise MissingData(
            f"missing evaluation data: {path} (expected the shared corpus at {corpus}; "
            f"pass --corpus DIR pointing at the folder that holds {rel.split('/')[0]}/)"
        )
    return path


# The scraped news pages (raw page text beside the article's gold text).
SCRAPED = ("raw_scraped_news/gn1_google_news.jsonl", "raw_scraped_news/dragnet_news_blogs.jsonl")


def scraped_rows(corpus: Path):
    """(file, page id ``<file stem>/<id>``, row) for every record of the scraped pages."""
    for rel in SCRAPED:
        stem = Path(rel).stem
        with need(corpus, rel).open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    yield rel, f"{stem}/{row.get('id')}", row


def bbc_articles(corpus: Path, limit: int | None = None) -> list[Article]:
    """BBC articles as documents: title + blank line + text, in file order."""
    out = []
    with need(corpus, BBC).open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(Article(row["id"], row["title"] + "\n\n" + row["text"]))
            if limit is not None and len(out) >= limit:
                break
    return out


SPLITS = ("all", "dev", "held-out")


def split_of(article_id: str) -> str:
    """``dev`` or ``held-out``, fixed by a hash of the id (not by file order): rules are
    tuned on the development half only; the held-out half is the headline figure. The
    one split of every benchmark part (BBC articles by id, scraped pages by
    ``<file stem>/<id>``), so a page is in the same half for every part."""
    return "dev" if hashlib.sha256(article_id.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def split_articles(articles: list[Article], split: str) -> list[Article]:
    if split == "all":
        return list(articles)
    return [a for a in articles if split_of(a.id) == split]


def folder_articles(folder: Path) -> list[Article]:
    """Every .txt and .md file under ``folder`` (recursively), sorted by path."""
    folder = Path(folder)
    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        kind = "markdown" if path.suffix == ".md" else "text"
        out.append(Article(str(path.relative_to(folder)), path.read_text(encoding="utf-8"), kind))
    return out


def spread_sample(items: list, n: int | None) -> list:
    """``n`` items spread evenly over the list (every category of BBC, not the first)."""
    if n is None or n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def jsonl_articles(path: Path, text_field: str = "text", title_field: str | None = "title") -> list[Article]:
    """Articles from any JSONL file: title (when the row has one) + blank line + text."""
    path = Path(path)
    if not path.exists():
        raise MissingData(f"missing evaluation data: {path}")
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get(text_field)
            if not isinstance(text, str) or not text.strip():
                continue
            title = row.get(title_field) if title_field else None
            body = f"{title}\n\n{text}" if isinstance(title, str) and title.strip() else text
            out.append(Article(str(row.get("id", n)), body))
    if not out:
        raise MissingData(f"no rows with a text in field {text_field!r} in {path}")
    return out

