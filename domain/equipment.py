"""Equipment (recursos): machines and devices of the clients, with the inventory the TiFlux agent collects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NewType

from domain.errors import InvalidInput

EquipmentId = NewType("EquipmentId", int)


@dataclass(frozen=True)
class Ref:
    """Another record as an equipment names it."""

    id: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class EquipmentType:
    id: int
    name: str


@dataclass(frozen=True)
class EquipmentGroup:
    """A group of one client's equipment."""

    id: int
    name: str
    client: Ref | None = None


@dataclass(frozen=True)
class Maker:
    name: str | None = None
    model: str | None = None
    serial: str | None = None


@dataclass(frozen=True)
class System:
    name: str | None = None
    version: str | None = None
    kernel: str | None = None
    timezone: str | None = None
    service_pack: str | None = None


@dataclass(frozen=True)
class Equipment:
    """An equipment as lists show it; agent fields exist only where the TiFlux agent runs."""

    id: EquipmentId
    name: str
    client: Ref | None = None
    type_name: str | None = None
    group_name: str | None = None
    agent_version: str | None = None
    online: bool | None = None
    ipv4: str | None = None
    manufacturer: Maker | None = None
    system: System | None = None

    @property
    def has_agent(self) -> bool:
        return self.agent_version is not None


@dataclass(frozen=True)
class Disk:
    name: str | None = None
    size_gb: float | None = None
    use_percent: float | None = None


@dataclass(frozen=True)
class DiskHealth:
    model: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Adapter:
    name: str | None = None
    ipv4: str | None = None
    mac: str | None = None


@dataclass(frozen=True)
class Printer:
    name: str | None = None
    port: str | None = None
    default: bool | None = None


@dataclass(frozen=True)
class Video:
    name: str | None = None
    vram_mb: float | None = None


@dataclass(frozen=True)
class Antivirus:
    name: str | None = None
    up_to_date: bool | None = None
    active: bool | None = None


@dataclass(frozen=True)
class Board:
    manufacturer: str | None = None
    model: str | None = None
    bios: str | None = None


@dataclass(frozen=True)
class EquipmentDetail:
    """One equipment with its hardware and inventory; absent parts are None or empty."""

    id: EquipmentId
    name: str
    client: Ref | None = None
    type_name: str | None = None
    group_name: str | None = None
    network_name: str | None = None
    current_user: str | None = None
    agent_email: str | None = None
    agent_user: str | None = None
    processor: str | None = None
    memory_gb: float | None = None
    motherboard: Board | None = None
    disks: tuple[Disk, ...] = ()
    disk_health: tuple[DiskHealth, ...] = ()
    network: tuple[Adapter, ...] = ()
    printers: tuple[Printer, ...] = ()
    sound: tuple[str, ...] = ()
    video: tuple[Video, ...] = ()
    operating_system: System | None = None
    pending_updates: int | None = None
    critical_updates_pending: bool | None = None
    manufacturer: Maker | None = None
    antivirus: tuple[Antivirus, ...] = ()
    last_seen: datetime | None = None
    acquisition_date: date | None = None
    warranty_date: date | None = None


@dataclass(frozen=True)
class Software:
    name: str
    version: str | None = None
    vendor: str | None = None


@dataclass(frozen=True)
class EquipmentFields:
    """What creating or changing an equipment sends; None leaves a field out. The warranty never ends
    before the acquisition (the API checks it too)."""

    name: str | None = None
    type_id: int | None = None
    group_id: int | None = None
    acquisition_date: date | None = None
    warranty_date: date | None = None

    def __post_init__(self) -> None:
        bought, warranty = self.acquisition_date, self.warranty_date
        if bought is not None and warranty is not None and warranty < bought:
            raise InvalidInput(
                "warranty_date", "warranty_before_acquisition", {"acquired": bought.isoformat()}
            )

    @property
    def given(self) -> tuple[str, ...]:
        """The API's names of the fields given, in the order they are sent."""
        values = {
            "name": self.name,
            "equipment_type_id": self.type_id,
            "equipment_group_id": self.group_id,
            "acquisition_date": self.acquisition_date,
            "warranty_date": self.warranty_date,
        }
        return tuple(key for key, value in values.items() if value is not None)
