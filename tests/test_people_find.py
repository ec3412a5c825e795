"""`PersonResolver.find` in two queries answers exactly as the four-query lookup it
replaced (kept here as the reference) on an invented body of people and aliases."""
from __future__ import annotations

from sqlalchemy import or_, select

from store import schema as db
from store.names import initial_matches, is_bare, name_key, surname_key
from store.people import Match, PersonResolver, add_alias
from store.roll import BodyRoll


def _reference_find(session, body_id: int, name: str) -> Match:  # type: ignore[no-untyped-def]
    """The lookup as it was: exact key, alias, then the body's names with this surname."""
    key = name_key(name)
    if not key:
        return Match(None, "none")
    exact = session.scalar(select(db.Person).where(db.Person.body_id == body_id,
                                                   db.Person.name_key == key))
    if exact is not None:
        return Match(exact, "exact")
    aka = session.scalar(
        select(db.Person).join(db.PersonAlias, db.PersonAlias.person_id == db.Person.id)
        .where(db.Person.body_id == body_id, db.PersonAlias.alias_key == key)
        .order_by(db.Person.id).limit(1))
    if aka is not None:
        return Match(aka, "alias")
    surname = surname_key(key)
    people = session.scalars(select(db.Person).where(
        db.Person.body_id == body_id, db.Person.surname_key == surname)
        .order_by(db.Person.id)).all()
    aliases = session.execute(
        select(db.PersonAlias.alias_key, db.Person)
        .join(db.Person, db.PersonAlias.person_id == db.Person.id)
        .where(db.Person.body_id == body_id,
               or_(db.PersonAlias.alias_key == surname,
                   db.PersonAlias.alias_key.endswith(" " + surname, autoescape=True)))
        .order_by(db.Person.id, db.PersonAlias.id)).all()
    same = sorted([(p.name_key, p) for p in people] + [(k, p) for k, p in aliases],
                  key=lambda kp: kp[1].id)
    if is_bare(key):
        fits = [p for k, p in same if not is_bare(k)]
        how = "surname"
    else:
        fits = [p for k, p in same if initial_matches(key, k)]
        how = "initial"
    fits = list({p.id: p for p in fits}.values())
    if len(fits) == 1:
        return Match(fits[0], how)  # type: ignore[arg-type]
    if len(fits) > 1:
        return Match(None, "ambiguous", tuple(p.name for p in fits))
    return Match(None, "none")


def _person(session, body: db.Body, name: str) -> db.Person:  # type: ignore[no-untyped-def]
    key = name_key(name)
    p = db.Person(body_id=body.id, name=name, name_key=key, surname_key=surname_key(key))
    session.add(p)
    session.flush()
    return p


def test_find_matches_the_four_query_lookup(session) -> None:  # type: ignore[no-untyped-def]
    vale, hill = db.Body(name="Vale Parish Council", name_key="vale parish council"), \
        db.Body(name="Hill Board", name_key="hill board")
    session.add_all([vale, hill])
    session.flush()
    wren = _person(session, vale, "Ada Wren")
    _person(session, vale, "Bo Wren")          # two Wrens: "Wren" is ambiguous
    tarn = _person(session, vale, "Cy Tarn")
    dale = _person(session, vale, "Di Dale")
    odd = _person(session, vale, "Ed Fo_x")    # a LIKE wildcard in a surname
    foax = _person(session, vale, "Gil Foax")  # "fo_x" as a LIKE pattern would match it
    _person(session, hill, "Fay Tarn")         # another body's Tarn never answers for Vale
    add_alias(session, tarn, "Cyril Tarn-Moss")
    add_alias(session, dale, "Chair")
    add_alias(session, wren, "The Wren")       # an alias ending in the surname
    add_alias(session, odd, "Edward Fo_x")
    add_alias(session, foax, "Edward Foax")
    session.flush()
    names = ["Ada Wren", "ada  WREN", "Wren", "A Wren", "B. Wren", "C Wren", "Tarn",
             "C Tarn", "Tarn-Moss", "Cyril Tarn-Moss", "C Tarn-Moss", "Chair", "Dale",
             "D Dale", "X Dale", "Nobody", "", "Fo_x", "Foax", "E Fo_x", "Edward Fo_x",
             "Fay Tarn", "F Tarn", "The Wren"]
    resolver = PersonResolver(session, vale.id)
    roll = BodyRoll(session, vale.id)  # the same answers from the roll read once
    for name in names:
        want = _reference_find(session, vale.id, name)
        for got in (resolver.find(name), roll.find(name)):
            assert (got.how, got.person and got.person.id, got.candidates) == (
                want.how, want.person and want.person.id, want.candidates), name
    # A wildcard in a surname is a letter: only Ed Fo_x answers to "Fo_x".
    assert resolver.find("Fo_x").person is odd
    # Some of each answer, so the comparison covers every branch.
    hows = {resolver.find(n).how for n in names}
    assert hows >= {"exact", "alias", "surname", "initial", "ambiguous", "none"}


def test_similar_people_loads_only_the_alike(session) -> None:  # type: ignore[no-untyped-def]
    """`similar_people` compares keys and loads only the alike: the same people, in id
    order, as comparing every loaded row did."""
    from store.aliases import _near_words, similar_people

    body = db.Body(name="Mere Trust", name_key="mere trust")
    session.add(body)
    session.flush()
    people = [_person(session, body, n) for n in (
        "Heidi Dennison", "Heidi Dennnison", "Heidi Denison", "Hedi Dennison",
        "Heidi Dennison Smith", "Dennison", "Una Dale", "Una Dall", "Zoe Quill")]

    def reference(person: db.Person) -> list[db.Person]:
        mine = person.name_key.split()
        if len(mine) < 2:
            return []
        return [o for o in session.scalars(select(db.Person).where(
            db.Person.body_id == person.body_id, db.Person.id != person.id)
            .order_by(db.Person.id)) if len(o.name_key.split()) == len(mine)
            and _near_words(mine, o.name_key.split())]

    answers = {p.name: [o.name for o in similar_people(session, p)] for p in people}
    assert answers == {p.name: [o.name for o in reference(p)] for p in people}
    roll = BodyRoll(session, body.id)
    assert answers == {p.name: [o.name for o in similar_people(session, p, roll)]
                       for p in people}
    # (a first name too short to be a near spelling: "Hedi" is not "Heidi")
    assert answers["Heidi Dennison"] == ["Heidi Dennnison", "Heidi Denison"]


def test_the_roll_learns_what_the_save_adds(session) -> None:  # type: ignore[no-untyped-def]
    """People created and aliases learned through a `BodyRoll` answer its later lookups
    as the store would: a bare surname finds the person created a moment before, printed
    initials find their person, and a second person with those initials makes them shared."""
    from store.aliases import learn_initials

    body = db.Body(name="Fen Board", name_key="fen board")
    session.add(body)
    session.flush()
    roll = BodyRoll(session, body.id)
    made = roll.for_attendance("Alan Smith")
    assert made.how == "created" and made.person is not None
    assert roll.find("Smith").person is made.person
    assert learn_initials(session, made.person, "AS", roll) is None
    assert roll.find("AS").how == "alias" and roll.find("AS").person is made.person
    assert roll.named("as") == {made.person.id}
    other = roll.for_attendance("Anne Swift").person
    assert other is not None
    shared = learn_initials(session, other, "AS", roll)
    assert shared is not None and shared.kind == "initials-shared"
    fresh = PersonResolver(session, body.id)
    for name in ("Smith", "AS", "Anne Swift", "A Swift", "Swift"):
        a, b = roll.find(name), fresh.find(name)
        assert (a.how, a.person and a.person.id) == (b.how, b.person and b.person.id), name
