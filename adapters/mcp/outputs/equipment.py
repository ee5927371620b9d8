"""Declared `structuredContent` of the equipment tools."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, Page
from adapters.mcp.outputs.knowledge import Counted


@with_config(DECLARED)
class Ref(TypedDict):
    id: NotRequired[int]
    name: NotRequired[str]


@with_config(DECLARED)
class EquipmentType(TypedDict):
    id: int
    name: str


@with_config(DECLARED)
class EquipmentGroup(TypedDict):
    id: int
    name: str
    client: NotRequired[Ref]


@with_config(DECLARED)
class Maker(TypedDict):
    name: NotRequired[str]
    model: NotRequired[str]
    serial: NotRequired[str]


@with_config(DECLARED)
class System(TypedDict):
    name: NotRequired[str]
    version: NotRequired[str]
    kernel: NotRequired[str]
    timezone: NotRequired[str]
    service_pack: NotRequired[str]


@with_config(DECLARED)
class Equipment(TypedDict):
    id: int
    name: str
    client: NotRequired[Ref]
    type_name: NotRequired[str]
    group_name: NotRequired[str]
    agent_version: NotRequired[str]
    online: NotRequired[bool]
    ipv4: NotRequired[str]
    manufacturer: NotRequired[Maker]
    system: NotRequired[System]


@with_config(DECLARED)
class ClientDecision(TypedDict):
    field: str
    term: str
    record: Client
    picked: bool


@with_config(DECLARED)
class GroupListing(TypedDict):
    listed: Counted[EquipmentGroup]
    client_id: NotRequired[int]
    resolved: NotRequired[list[ClientDecision]]


@with_config(DECLARED)
class EquipmentListing(TypedDict):
    listed: Counted[Equipment]
    client_id: NotRequired[int]
    resolved: NotRequired[list[ClientDecision]]


@with_config(DECLARED)
class Disk(TypedDict):
    name: NotRequired[str]
    size_gb: NotRequired[float]
    use_percent: NotRequired[float]


@with_config(DECLARED)
class DiskHealth(TypedDict):
    model: NotRequired[str]
    status: NotRequired[str]


@with_config(DECLARED)
class Adapter(TypedDict):
    name: NotRequired[str]
    ipv4: NotRequired[str]
    mac: NotRequired[str]


@with_config(DECLARED)
class Printer(TypedDict):
    name: NotRequired[str]
    port: NotRequired[str]
    default: NotRequired[bool]


@with_config(DECLARED)
class Video(TypedDict):
    name: NotRequired[str]
    vram_mb: NotRequired[float]


@with_config(DECLARED)
class Antivirus(TypedDict):
    name: NotRequired[str]
    up_to_date: NotRequired[bool]
    active: NotRequired[bool]


@with_config(DECLARED)
class Board(TypedDict):
    manufacturer: NotRequired[str]
    model: NotRequired[str]
    bios: NotRequired[str]


@with_config(DECLARED)
class EquipmentDetail(TypedDict):
    id: int
    name: str
    client: NotRequired[Ref]
    type_name: NotRequired[str]
    group_name: NotRequired[str]
    network_name: NotRequired[str]
    current_user: NotRequired[str]
    agent_email: NotRequired[str]
    agent_user: NotRequired[str]
    processor: NotRequired[str]
    memory_gb: NotRequired[float]
    motherboard: NotRequired[Board]
    disks: NotRequired[list[Disk]]
    disk_health: NotRequired[list[DiskHealth]]
    network: NotRequired[list[Adapter]]
    printers: NotRequired[list[Printer]]
    sound: NotRequired[list[str]]
    video: NotRequired[list[Video]]
    operating_system: NotRequired[System]
    pending_updates: NotRequired[int]
    critical_updates_pending: NotRequired[bool]
    manufacturer: NotRequired[Maker]
    antivirus: NotRequired[list[Antivirus]]
    last_seen: NotRequired[str]
    acquisition_date: NotRequired[str]
    warranty_date: NotRequired[str]


@with_config(DECLARED)
class Software(TypedDict):
    name: str
    version: NotRequired[str]
    vendor: NotRequired[str]


@with_config(DECLARED)
class InstalledSoftware(TypedDict):
    equipment_id: int
    page: Page[Software]
    total: int


@with_config(DECLARED)
class EquipmentWritten(TypedDict):
    equipment: EquipmentDetail
    fields: list[str]
    resolved: NotRequired[list[ClientDecision]]


ListEquipmentTypesOutput = Counted[EquipmentType]
ListEquipmentGroupsOutput = GroupListing
ListEquipmentsOutput = EquipmentListing
GetEquipmentOutput = EquipmentDetail
ListEquipmentSoftwaresOutput = InstalledSoftware
CreateEquipmentOutput = EquipmentWritten
UpdateEquipmentOutput = EquipmentWritten
