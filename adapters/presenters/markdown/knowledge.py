"""The knowledge base in Markdown. Article bodies are text someone stored in TiFlux: read from HTML with the
linear reader, quoted and labelled as data, never as instructions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import html_to_text, inline, one_line
from application.use_cases.knowledge import FolderList, KnowledgeCreated, KnowledgeList
from domain.knowledge import Counted, Knowledge

FOLDER_DESCRIPTION_LENGTH = 80
# A body with no tag at all is plain text whose line breaks are its own (TiFlux keeps such bodies as sent).
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*+[\s/>]")


def present_knowledges(result: KnowledgeList, fmt: Formatter) -> str:
    t = fmt.t
    page = result.listed.page
    filters = []
    if result.search:
        filters.append(t("knowledges.filter.search", search=inline(result.search)))
    if result.folder_ids:
        filters.append(t("knowledges.filter.folders", ids=", ".join(str(i) for i in result.folder_ids)))
    context = [
        *(
            t("knowledges.resolved", term=inline(d.term), folder=inline(label(d.record, t)))
            for d in result.resolved
        ),
        *([t("knowledges.filters", filters="; ".join(filters))] if filters else []),
    ]
    if not page.items:
        return lines(context, t("knowledges.empty", page=page.request.number), t("knowledges.visibility"))
    rows = [
        f"| {article.id} | {inline(article.title)} | {_visibility(article, fmt)} | "
        f"{_ids(article.folder_ids, fmt)} | {_texts(article.tags, fmt)} | {fmt.day(article.updated_at)} |"
        for article in page.items
    ]
    return lines(
        f"## {_heading('knowledges.heading', result.listed, fmt)}",
        context,
        "",
        t("knowledges.columns"),
        "|---|---|---|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("knowledges.hint"),
    )


def present_knowledge(article: Knowledge, fmt: Formatter) -> str:
    t = fmt.t
    html = article.description_html or ""
    body = html_to_text(html) if _ANY_TAG.search(html) else html.strip()
    return lines(
        f"## {t('knowledge.heading', title=inline(article.title) or t('none'), id=article.id)}",
        _details(article, fmt),
        "",
        "---",
        fmt.stored_text(body) if body else t("knowledge.empty_body"),
        "",
        t("knowledge.read_only"),
    )


def present_knowledge_folders(result: FolderList, fmt: Formatter) -> str:
    t = fmt.t
    page = result.listed.page
    filter_line = t("knowledge_folders.filter", search=inline(result.search)) if result.search else None
    if not page.items:
        return lines(
            filter_line, t("knowledge_folders.empty", page=page.request.number), t("knowledges.visibility")
        )
    rows = [
        f"| {folder.id} | {inline(folder.title)} | "
        f"{one_line(html_to_text(folder.description_html), limit=FOLDER_DESCRIPTION_LENGTH) or t('none')} | "
        f"{inline(folder.icon) or t('none')} | "
        f"{t('none') if folder.articles is None else folder.articles} | {_texts(folder.tags, fmt)} |"
        for folder in page.items
    ]
    return lines(
        f"## {_heading('knowledge_folders.heading', result.listed, fmt)}",
        filter_line,
        "",
        t("knowledge_folders.columns"),
        "|---|---|---|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("knowledge_folders.hint"),
    )


def present_knowledge_created(created: KnowledgeCreated, fmt: Formatter) -> str:
    t = fmt.t
    article = created.article
    return lines(
        f"## {t('knowledge.created.heading', title=inline(article.title) or t('none'), id=article.id)}",
        _details(article, fmt),
        "",
        t("knowledge.read_only"),
        t("knowledge.created.hint", id=article.id),
    )


def _heading(key: str, listed: Counted[Any], fmt: Formatter) -> str:
    heading = fmt.t(key, page=listed.page.request.number, count=len(listed.page))
    if listed.total is not None:
        heading += f" ({fmt.t('knowledges.total', total=listed.total)})"
    return heading


def _details(article: Knowledge, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    yield bullet(t("knowledge.visibility"), _visibility(article, fmt))
    yield bullet(t("knowledge.folders"), _ids(article.folder_ids, fmt))
    yield bullet(t("knowledge.tags"), _texts(article.tags, fmt))
    for key, ids in (
        ("knowledge.clients", article.client_ids),
        ("knowledge.groups", article.technical_group_ids),
        ("knowledge.items", article.catalog_item_ids),
    ):
        if ids:
            yield bullet(t(key), _ids(ids, fmt))
    if article.created_at is not None:
        yield bullet(t("knowledge.created"), fmt.when(article.created_at))
    if article.updated_at is not None:
        yield bullet(t("knowledge.updated"), fmt.when(article.updated_at))


def _visibility(article: Knowledge, fmt: Formatter) -> str:
    if article.private is None:
        return fmt.t("none")
    return fmt.t("knowledge.private") if article.private else fmt.t("knowledge.public")


def _ids(ids: Iterable[int], fmt: Formatter) -> str:
    return ", ".join(str(i) for i in ids) or fmt.t("none")


def _texts(texts: Iterable[str], fmt: Formatter) -> str:
    return ", ".join(filter(None, (inline(text) for text in texts))) or fmt.t("none")
