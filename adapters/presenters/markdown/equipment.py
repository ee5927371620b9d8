"""Equipment in Markdown: lists, the hardware and inventory in words, and the installed software. Every
value came from an agent or a person, so it is shown as inline, defused text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.equipment import ClientListing, EquipmentWritten, InstalledSoftware
from domain.equipment import Equipment, EquipmentDetail, EquipmentGroup, EquipmentType, Maker, System
from domain.knowledge import Counted


def present_equipment_types(listed: Counted[EquipmentType], fmt: Formatter) -> str:
    t = fmt.t
    page = listed.page
    if not page.items:
        return lines(t("equipment_types.empty", page=page.request.number), t("need.equipment.read") + ".")
    return lines(
        f"## {_heading('equipment_types.heading', listed, fmt)}",
        "",
        t("equipment_types.columns"),
        "|---|---|",
        [f"| {item.id} | {inline(item.name)} |" for item in page.items],
        "",
        fmt.page_footer(page),
    )


def present_equipment_groups(result: ClientListing, fmt: Formatter) -> str:
    t = fmt.t
    listed: Counted[Any] = result.listed
    page = listed.page
    context = list(_context(result, fmt))
    if not page.items:
        return lines(context, t("equipment_groups.empty", page=page.request.number))
    groups: Sequence[EquipmentGroup] = page.items
    return lines(
        f"## {_heading('equipment_groups.heading', listed, fmt)}",
        context,
        "",
        t("equipment_groups.columns"),
        "|---|---|---|",
        [f"| {g.id} | {inline(g.name)} | {_ref(g.client, fmt)} |" for g in groups],
        "",
        fmt.page_footer(page),
    )


def present_equipments(result: ClientListing, fmt: Formatter) -> str:
    t = fmt.t
    listed: Counted[Any] = result.listed
    page = listed.page
    context = list(_context(result, fmt))
    if not page.items:
        return lines(context, t("equipments.empty", page=page.request.number), t("need.equipment.read") + ".")
    items: Sequence[Equipment] = page.items
    rows = [
        f"| {e.id} | {inline(e.name)} | {_ref(e.client, fmt)} | {inline(e.type_name) or t('none')} | "
        f"{inline(e.group_name) or t('none')} | {_agent(e, fmt)} | "
        f"{fmt.yes_no(e.online) if e.has_agent else t('none')} | "
        f"{(inline(e.ipv4) or t('none')) if e.has_agent else t('none')} |"
        for e in items
    ]
    hardware = [
        f"| {e.id} | {_maker(e.manufacturer, fmt)} | "
        f"{inline(e.manufacturer.serial) if e.manufacturer else ''} | {_system(e.system, fmt)} |"
        for e in items
        if e.manufacturer or e.system
    ]
    return lines(
        f"## {_heading('equipments.heading', listed, fmt)}",
        context,
        "",
        t("equipments.columns"),
        "|---|---|---|---|---|---|---|---|",
        rows,
        *(("", t("equipments.hardware.columns"), "|---|---|---|---|", hardware) if hardware else ()),
        "",
        fmt.page_footer(page),
        t("equipments.hint"),
    )


def present_equipment(item: EquipmentDetail, fmt: Formatter) -> str:
    t = fmt.t
    return lines(
        f"## {t('equipment.heading', name=inline(item.name) or t('none'), id=item.id)}",
        _identity(item, fmt),
        _hardware(item, fmt),
        _inventory(item, fmt),
        _dates(item, fmt),
    )


def present_softwares(result: InstalledSoftware, fmt: Formatter) -> str:
    t = fmt.t
    page = result.page
    if not page.items:
        return lines(t("softwares.empty", id=result.equipment_id))
    heading = t(
        "softwares.heading",
        id=result.equipment_id,
        page=page.request.number,
        count=len(page),
        total=result.total,
    )
    rows = [
        f"| {inline(s.name) or t('none')} | {inline(s.version) or t('none')} | "
        f"{inline(s.vendor) or t('none')} |"
        for s in page.items
    ]
    more = page.request.number * page.request.size < result.total
    footer = (
        t("page.next", next=page.request.number + 1, limit=page.request.size)
        if more
        else t("page.last", limit=page.request.size)
    )
    return lines(f"## {heading}", "", t("softwares.columns"), "|---|---|---|", rows, "", footer)


def _heading(key: str, listed: Counted[Any], fmt: Formatter) -> str:
    heading = fmt.t(key, page=listed.page.request.number, count=len(listed.page))
    if listed.total is not None:
        heading += f" ({fmt.t('equipment.total', total=listed.total)})"
    return heading


def _context(result: ClientListing, fmt: Formatter) -> Iterator[str]:
    for decision in result.resolved:
        yield fmt.t(
            "equipment.resolved", term=inline(decision.term), client=inline(label(decision.record, fmt.t))
        )
    if not result.resolved and result.client_id is not None:
        yield fmt.t("equipment.client", client=f"ID {result.client_id}")


def _ref(ref: Any, fmt: Formatter) -> str:
    return fmt.named(ref.name, ref.id) if ref is not None else fmt.t("none")


def _agent(item: Equipment, fmt: Formatter) -> str:
    return inline(item.agent_version) if item.agent_version else fmt.t("equipments.no_agent")


def _maker(maker: Maker | None, fmt: Formatter) -> str:
    if maker is None:
        return fmt.t("none")
    return " ".join(inline(part) for part in (maker.name, maker.model) if part) or fmt.t("none")


def _system(system: System | None, fmt: Formatter) -> str:
    if system is None:
        return fmt.t("none")
    parts = [
        inline(part) for part in (system.name, system.version, system.service_pack, system.kernel) if part
    ]
    return " · ".join(parts) or fmt.t("none")


def _number(value: float) -> str:
    return f"{value:g}"


def _identity(item: EquipmentDetail, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if item.client is not None:
        yield bullet(t("kind.client").capitalize(), _ref(item.client, fmt))
    for key, value in (
        ("equipment.type", item.type_name),
        ("equipment.group", item.group_name),
        ("equipment.network_name", item.network_name),
        ("equipment.current_user", item.current_user),
        ("equipment.agent_email", item.agent_email),
        ("equipment.agent_user", item.agent_user),
    ):
        if value:
            yield bullet(t(key), inline(value))


def _hardware(item: EquipmentDetail, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    maker = item.manufacturer
    if maker is not None:
        serial = f" · {t('equipment.serial', serial=inline(maker.serial))}" if maker.serial else ""
        yield bullet(t("equipment.manufacturer"), _maker(maker, fmt) + serial)
    if item.processor:
        yield bullet(t("equipment.processor"), inline(item.processor))
    if item.memory_gb is not None:
        yield bullet(t("equipment.memory"), f"{_number(item.memory_gb)} GB")
    board = item.motherboard
    if board is not None:
        parts = [inline(part) for part in (board.manufacturer, board.model) if part]
        bios = f" · BIOS {inline(board.bios)}" if board.bios else ""
        yield bullet(t("equipment.motherboard"), (" ".join(parts) or t("none")) + bios)
    if item.operating_system is not None:
        yield bullet(t("equipment.os"), _system(item.operating_system, fmt))
    if item.pending_updates is not None or item.critical_updates_pending:
        pending = item.pending_updates or 0
        words = t("equipment.updates.pending", count=pending) if pending else t("equipment.updates.none")
        if item.critical_updates_pending:
            words += f"; {t('equipment.updates.critical')}"
        yield bullet(t("equipment.updates"), words)


def _inventory(item: EquipmentDetail, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    none = t("none")
    sections: list[tuple[str, list[str]]] = [
        (
            "equipment.disks",
            [
                t(
                    "equipment.disk",
                    name=inline(d.name) or none,
                    size=_number(d.size_gb) if d.size_gb is not None else none,
                    use=_number(d.use_percent) if d.use_percent is not None else none,
                )
                for d in item.disks
            ],
        ),
        (
            "equipment.smart",
            [f"{inline(d.model) or none}: {inline(d.status) or none}" for d in item.disk_health],
        ),
        (
            "equipment.network",
            [
                " · ".join(
                    part
                    for part in (
                        inline(a.name) or none,
                        inline(a.ipv4),
                        f"MAC {inline(a.mac)}" if a.mac else "",
                    )
                    if part
                )
                for a in item.network
            ],
        ),
        (
            "equipment.printers",
            [
                " · ".join(
                    part
                    for part in (
                        inline(p.name) or none,
                        t("equipment.printer.default") if p.default is True else "",
                        t("equipment.port", port=inline(p.port)) if p.port else "",
                    )
                    if part
                )
                for p in item.printers
            ],
        ),
        ("equipment.sound", [inline(name) for name in item.sound]),
        (
            "equipment.video",
            [
                f"{inline(v.name)}{f' · {_number(v.vram_mb)} MB' if v.vram_mb is not None else ''}"
                for v in item.video
            ],
        ),
        (
            "equipment.antivirus",
            [
                " · ".join(
                    part
                    for part in (
                        inline(a.name) or none,
                        ""
                        if a.active is None
                        else t(f"equipment.antivirus.{'active' if a.active else 'inactive'}"),
                        ""
                        if a.up_to_date is None
                        else t(f"equipment.antivirus.{'current' if a.up_to_date else 'outdated'}"),
                    )
                    if part
                )
                for a in item.antivirus
            ],
        ),
    ]
    shown = [(key, entries) for key, entries in sections if entries]
    if not shown and not item.processor and item.operating_system is None:
        yield ""
        yield t("equipment.no_inventory")
        return
    for key, entries in shown:
        yield ""
        yield f"### {t(key)} ({len(entries)})"
        yield from (f"- {entry}" for entry in entries)


def _dates(item: EquipmentDetail, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    dated = [
        (key, value)
        for key, value in (
            ("equipment.last_seen", fmt.when(item.last_seen) if item.last_seen else None),
            ("equipment.acquired", fmt.day(item.acquisition_date) if item.acquisition_date else None),
            ("equipment.warranty", fmt.day(item.warranty_date) if item.warranty_date else None),
        )
        if value
    ]
    if dated:
        yield ""
        yield from (bullet(t(key), value) for key, value in dated)


def present_equipment_created(result: EquipmentWritten, fmt: Formatter) -> str:
    return _written("equipment.created", result, fmt)


def present_equipment_updated(result: EquipmentWritten, fmt: Formatter) -> str:
    return _written("equipment.updated", result, fmt)


def _written(key: str, result: EquipmentWritten, fmt: Formatter) -> str:
    t, item = fmt.t, result.equipment
    resolved = [
        t("equipment.resolved", term=inline(d.term), client=inline(label(d.record, t)))
        for d in result.resolved
    ]
    return lines(
        resolved,
        t(key, name=inline(item.name) or t("none"), id=item.id),
        _identity(item, fmt),
        bullet(t("equipment.acquired"), fmt.day(item.acquisition_date)) if item.acquisition_date else None,
        bullet(t("equipment.warranty"), fmt.day(item.warranty_date)) if item.warranty_date else None,
        t("equipment.fields", fields=", ".join(f"`{f}`" for f in result.fields)),
    )
