"""Invents demo cases in memory: realistic, varied and deterministic for a given seed.

Nothing here touches the database; ``services.demo`` stores what this module invents. The
description is invented here; the route of each case is walked by ``demo_routes`` with the
domain's workflow engine, as far as the case's age allows, so that the ready views ('Te
bevestigen', 'Over termijn', 'Wacht op klager' ...) all have something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from kina_desktop.demo import data
from kina_desktop.demo.routes import RoutePlanner
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.complaint import Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level
from kina_desktop.domain.registration import registered_state
from kina_desktop.domain.text import fold
from kina_desktop.domain.workdays import WorkingCalendar


@dataclass(slots=True)
class Staff:
    """The demo accounts' ids by role, as stored in the database."""

    receivers: list[tuple[int, str]]  # (account id, display name)
    handlers: list[int]
    director: int
    team: int


@dataclass(slots=True)
class DemoCase:
    state: CaseState
    description: Description
    registered_at: dt.datetime
    registered_by: tuple[int, str]


class CachedCalendar(WorkingCalendar):
    """The settings' working calendar, remembering its answers (100,000 cases share a thousand
    receipt days)."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self._inner = calendar
        self._working: dict[dt.date, bool] = {}
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def closing_days(self, year: int) -> frozenset[dt.date]:
        return self._inner.closing_days(year)

    def holiday_name(self, day: dt.date) -> str | None:
        return self._inner.holiday_name(day)

    def is_working_day(self, day: dt.date) -> bool:
        found = self._working.get(day)
        if found is None:
            found = self._working[day] = self._inner.is_working_day(day)
        return found

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        key = (start, count)
        found = self._added.get(key)
        if found is None:
            found = self._added[key] = self._inner.add_working_days(start, count)
        return found


@dataclass(frozen=True)
class World:
    """What every demo case is invented against (picklable, for worker processes)."""

    now: dt.datetime
    calendar: CachedCalendar
    staff: Staff
    board: tuple[dt.date, ...]
    working_group: tuple[dt.date, ...]

    @property
    def today(self) -> dt.date:
        return self.now.date()


def registration_moments(seed: int, world: World, count: int) -> list[tuple[dt.date, dt.datetime]]:
    """``count`` (receipt day, registration moment) pairs from 1 January two years ago to now,
    mostly on working days and office hours, in the order of registration."""
    rng = random.Random(f"{seed}/moments")
    today = world.today
    start = dt.date(today.year - 2, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]
    cumulative = list(accumulate(1.0 if world.calendar.is_working_day(d) else 0.12 for d in days))
    total = cumulative[-1]
    moments = []
    for _ in range(count):
        day = days[bisect_right(cumulative, rng.random() * total)]
        minute = rng.randrange(8 * 60 + 30, 16 * 60 + 30)
        moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randrange(60)))
        moments.append((day, min(moment, world.now)))
    moments.sort(key=lambda m: m[1])
    return moments


@dataclass(frozen=True)
class Chunk:
    """One slice of the registrations, invented with a random stream of its own: the outcome
    does not depend on how many processes share the work."""

    seed: int
    index: int
    moments: list[tuple[dt.date, dt.datetime]]
    world: World


def invent_chunk(chunk: Chunk) -> list[DemoCase]:
    generator = DemoGenerator(random.Random(f"{chunk.seed}/{chunk.index}"), chunk.world)
    return [generator.case(day, moment) for day, moment in chunk.moments]


class DemoGenerator:
    """Invents one case at a time: its description, then its route as far as its age allows."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng = rng
        self.world = world
        self.calendar = world.calendar
        self.staff = world.staff
        self.routes = RoutePlanner(
            rng, world.today, world.calendar, world.board, world.working_group, world.staff.handlers
        )

    def case(self, received_on: dt.date, registered_at: dt.datetime) -> DemoCase:
        rng = self.rng
        r = rng.random()
        kind = Kind.COMPLAINT if r < 0.85 else Kind.INFORMATION_REQUEST if r < 0.95 else Kind.ANONYMOUS_REPORT
        category, level = Category.DAILY_OPERATIONS, Level.ONE
        if kind == Kind.COMPLAINT:
            if rng.random() < 0.11:
                category = Category.PERSONNEL
                level = rng.choices((Level.ONE, Level.TWO, Level.THREE), (25, 55, 20))[0]
            else:
                level = rng.choices((Level.ONE, Level.TWO, Level.THREE), (30, 55, 15))[0]
        channel = self._channel(received_on, kind)
        description = self._description(received_on, channel, kind, category)
        state = registered_state(
            kind=kind,
            category=category,
            level=level,
            channel=channel,
            received_on=received_on,
            facts_on=description.facts_on,
        )
        return DemoCase(
            state=self.routes.run(state),
            description=description,
            registered_at=registered_at,
            registered_by=rng.choice(self.staff.receivers),
        )

    def _channel(self, received_on: dt.date, kind: Kind) -> Channel:
        if not self.calendar.is_working_day(received_on):
            return self.rng.choice((Channel.EMAIL, Channel.WEB_FORM))
        if kind == Kind.ANONYMOUS_REPORT:
            return self.rng.choice((Channel.POST, Channel.WEB_FORM, Channel.PHONE))
        return self.rng.choices(
            (Channel.EMAIL, Channel.WEB_FORM, Channel.POST, Channel.PHONE, Channel.DESK), (35, 25, 15, 15, 10)
        )[0]

    # -- the description ---------------------------------------------------------------------

    def _description(self, received_on: dt.date, channel: Channel, kind: Kind, category: Category) -> Description:
        rng = self.rng
        if category == Category.PERSONNEL:
            themes, organisation = data.PERSONNEL_THEMES, rng.choice(data.KINA_SERVICES)
        else:
            themes = {
                Kind.COMPLAINT: data.COMPLAINT_THEMES,
                Kind.INFORMATION_REQUEST: data.INFORMATION_THEMES,
                Kind.ANONYMOUS_REPORT: data.ANONYMOUS_THEMES,
            }[kind]
            organisation = rng.choice(data.MEMBER_OCMWS if rng.random() < 0.8 else data.KINA_SERVICES)
        subject, opening = rng.choice(themes)
        sentences = [opening.format(org=organisation)]
        if kind == Kind.COMPLAINT:
            sentences += rng.sample(data.FOLLOW_UPS, rng.randint(1, 2))
        facts_on = None
        if kind == Kind.COMPLAINT and rng.random() < 0.85:
            if rng.random() < 0.03:
                facts_on = received_on - dt.timedelta(days=rng.randint(190, 400))
            else:
                facts_on = received_on - dt.timedelta(days=rng.randint(0, 45))
        staff_member = ""
        if category == Category.PERSONNEL:
            staff_member = f"{rng.choice(data.FIRST_NAMES)} {rng.choice(data.LAST_NAMES)}"
        common = dict(
            received_on=received_on,
            channel=channel,
            organisation=organisation,
            subject=subject,
            text=" ".join(sentences),
            facts_on=facts_on,
            staff_member=staff_member,
            request=rng.choice(data.PERSONNEL_REQUESTS if category == Category.PERSONNEL else data.REQUESTS)
            if kind == Kind.COMPLAINT and rng.random() < 0.8
            else "",
        )
        if kind == Kind.ANONYMOUS_REPORT:
            return Description(**common)  # type: ignore[arg-type]
        first, last = rng.choice(data.FIRST_NAMES), rng.choice(data.LAST_NAMES)
        place, postal_code = rng.choice(data.MEMBER_MUNICIPALITIES if rng.random() < 0.75 else data.EXTRA_PLACES)
        has_address = rng.random() < 0.85
        street = f"{rng.choice(data.STREETS)} {rng.randint(1, 240)}" if has_address else ""
        if street and rng.random() < 0.1:
            street += f" bus {rng.randint(1, 12)}"
        email = ""
        if not has_address or rng.random() < 0.75:
            local = "".join(ch for ch in fold(f"{first}.{last}") if ch.isalnum() or ch == ".")
            if rng.random() < 0.3:
                local += str(rng.randint(1, 99))
            email = f"{local}@{rng.choice(data.EMAIL_DOMAINS)}"
        phone = ""
        if channel.is_oral or rng.random() < 0.5:
            phone = (
                f"04{rng.randint(60, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if rng.random() < 0.7
                else f"03 {rng.randint(200, 899)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            )
        return Description(
            complainant_name=f"{first} {last}",
            complainant_street=street,
            complainant_postal_code=postal_code if has_address else "",
            complainant_city=place if has_address else "",
            complainant_email=email,
            complainant_phone=phone,
            complainant_language=rng.choices(("nl", "fr", "en"), (95, 3, 2))[0],
            **common,  # type: ignore[arg-type]
        )
