"""Equipment, groups, types and software as the API sends them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from adapters.tiflux.wire.base import Day, Timestamp, WireModel
from domain.equipment import (
    Adapter,
    Antivirus,
    Board,
    Disk,
    DiskHealth,
    Equipment,
    EquipmentDetail,
    EquipmentGroup,
    EquipmentId,
    EquipmentType,
    Maker,
    Printer,
    Ref,
    Software,
    System,
    Video,
)


def _list_or_empty(value: Any) -> Any:
    return [] if value is None else value


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Text = Annotated[str | None, BeforeValidator(_blank_is_none)]


class RefWire(WireModel):
    id: int | None = None
    name: Text = None

    def ref(self) -> Ref:
        return Ref(self.id, self.name)


class TypeWire(WireModel):
    id: int
    name: str = ""

    def to_domain(self) -> EquipmentType:
        return EquipmentType(self.id, self.name)


class GroupWire(WireModel):
    id: int
    name: str = ""
    client: RefWire | None = None

    def to_domain(self) -> EquipmentGroup:
        return EquipmentGroup(self.id, self.name, self.client.ref() if self.client else None)


class MakerWire(WireModel):
    name: Text = None
    model: Text = None
    serial: Text = None

    def to_domain(self) -> Maker | None:
        found = Maker(self.name, self.model, self.serial)
        return found if any((found.name, found.model, found.serial)) else None


class SystemWire(WireModel):
    name: Text = None
    version: Text = None
    kernel: Text = None
    timezone: Text = None
    service_pack: Text = None

    def to_domain(self) -> System:
        return System(self.name, self.version, self.kernel, self.timezone, self.service_pack)


class AgentWire(WireModel):
    version: Text = None


class EquipmentWire(WireModel):
    id: int
    name: str = ""
    client: RefWire | None = None
    equipment_type: RefWire | None = None
    equipment_group: RefWire | None = None
    agent: AgentWire | None = None
    online: bool | None = None
    ipv4: Text = None
    manufacturer: MakerWire | None = None
    system: SystemWire | None = None

    def to_domain(self) -> Equipment:
        return Equipment(
            id=EquipmentId(self.id),
            name=self.name,
            client=self.client.ref() if self.client else None,
            type_name=self.equipment_type.name if self.equipment_type else None,
            group_name=self.equipment_group.name if self.equipment_group else None,
            agent_version=self.agent.version if self.agent else None,
            online=self.online,
            ipv4=self.ipv4,
            manufacturer=self.manufacturer.to_domain() if self.manufacturer else None,
            system=self.system.to_domain() if self.system else None,
        )


class ProcessorWire(WireModel):
    name: Text = None


class MemoryWire(WireModel):
    total_gb: float | None = None


class BoardWire(WireModel):
    manufacturer: Text = None
    model: Text = None
    bios: Text = None


class DiskWire(WireModel):
    name: Text = None
    size_gb: float | None = None
    use_percent: float | None = None


class SmartWire(WireModel):
    model: Text = None
    status: Text = None


class AdapterWire(WireModel):
    name: Text = None
    ipv4: Text = None
    mac: Text = None


class PrinterWire(WireModel):
    name: Text = None
    port: Text = None
    default: bool | None = None


class NameWire(WireModel):
    name: Text = None


class VideoWire(WireModel):
    name: Text = None
    vram_mb: float | None = None


class UpdatesWire(WireModel):
    pending_count: int | None = None
    has_critical_pending: bool | None = None


class AntivirusWire(WireModel):
    name: Text = None
    up_to_date: bool | None = None
    active: bool | None = None


class EquipmentDetailWire(WireModel):
    id: int
    name: str = ""
    client: RefWire | None = None
    equipment_type: RefWire | None = None
    equipment_group: RefWire | None = None
    network_name: Text = None
    current_user: Text = None
    agent_email: Text = None
    agent_user: Text = None
    processor: ProcessorWire | None = None
    memory: MemoryWire | None = None
    motherboard: BoardWire | None = None
    disks: Annotated[tuple[DiskWire, ...], BeforeValidator(_list_or_empty)] = ()
    disksmart: Annotated[tuple[SmartWire, ...], BeforeValidator(_list_or_empty)] = ()
    network: Annotated[tuple[AdapterWire, ...], BeforeValidator(_list_or_empty)] = ()
    printer: Annotated[tuple[PrinterWire, ...], BeforeValidator(_list_or_empty)] = ()
    sound: Annotated[tuple[NameWire, ...], BeforeValidator(_list_or_empty)] = ()
    vga: Annotated[tuple[VideoWire, ...], BeforeValidator(_list_or_empty)] = ()
    operating_system: SystemWire | None = None
    windows_update: UpdatesWire | None = None
    manufacturer: MakerWire | None = None
    antivirus: Annotated[tuple[AntivirusWire, ...], BeforeValidator(_list_or_empty)] = ()
    last_seen: Timestamp = None
    acquisition_date: Day = None
    warranty_date: Day = None

    def to_domain(self) -> EquipmentDetail:
        board = self.motherboard
        updates = self.windows_update
        return EquipmentDetail(
            id=EquipmentId(self.id),
            name=self.name,
            client=self.client.ref() if self.client else None,
            type_name=self.equipment_type.name if self.equipment_type else None,
            group_name=self.equipment_group.name if self.equipment_group else None,
            network_name=self.network_name,
            current_user=self.current_user,
            agent_email=self.agent_email,
            agent_user=self.agent_user,
            processor=self.processor.name if self.processor else None,
            memory_gb=self.memory.total_gb if self.memory else None,
            motherboard=Board(board.manufacturer, board.model, board.bios)
            if board and (board.manufacturer or board.model or board.bios)
            else None,
            disks=tuple(Disk(d.name, d.size_gb, d.use_percent) for d in self.disks),
            disk_health=tuple(DiskHealth(d.model, d.status) for d in self.disksmart),
            network=tuple(Adapter(a.name, a.ipv4, a.mac) for a in self.network),
            printers=tuple(Printer(p.name, p.port, p.default) for p in self.printer),
            sound=tuple(s.name for s in self.sound if s.name),
            video=tuple(Video(v.name, v.vram_mb) for v in self.vga if v.name),
            operating_system=self.operating_system.to_domain() if self.operating_system else None,
            pending_updates=updates.pending_count if updates else None,
            critical_updates_pending=updates.has_critical_pending if updates else None,
            manufacturer=self.manufacturer.to_domain() if self.manufacturer else None,
            antivirus=tuple(Antivirus(a.name, a.up_to_date, a.active) for a in self.antivirus),
            last_seen=self.last_seen,
            acquisition_date=self.acquisition_date,
            warranty_date=self.warranty_date,
        )


class SoftwareWire(WireModel):
    name: str = ""
    version: Text = None
    vendor: Text = None

    def to_domain(self) -> Software:
        return Software(self.name, self.version, self.vendor)
