"""The events stage on short hand-made texts, after the real entities, actors and quotes stages."""

from __future__ import annotations

import warta
from warta.config import Options


def events(body: str, published: str = "2025-10-20", title: str = "Judul Berita Uji Peristiwa Panjang",
           language: str = "auto"):
    record = warta.process(f"{title}\n\n{body}\n", published=published,
                           options=Options(debug=True, language=language))
    names = {a.id: a.name for a in record.actors}
    return record, [(e.type, names.get(e.actor, e.actor), names.get(e.recipient, e.recipient), e.status,
                     e.trigger.text) for e in record.events]


def test_active_meeting_with_its_date_and_place():
    record, found = events("Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Australia "
                           "Penny Wong di Canberra pada Senin (13/10/2025).")
    assert ("CONSULT", "Retno Marsudi", "Penny Wong", "asserted", "bertemu dengan") in found
    event = record.events[0]
    assert event.date == "2025-10-13" and event.location.name == "Canberra"
    assert event.location.country == "AUS" and event.location.precision == "city"
    assert event.mode == "meet" and event.quad == "verbal_cooperation" and event.intensity > 0


def test_passive_with_agent_and_di_verb():
    _, found = events("Joko Santoso ditangkap oleh Polda Metro Jaya di Jakarta Selatan.")
    assert any(t == "COERCE" and a == "Polda Metro Jaya" and r == "Joko Santoso" for t, a, r, _, _ in found), found


def test_negated_future_and_hypothetical_attacks():
    _, found = events("Rusia tidak memiliki rencana untuk menyerang Ukraina. Negara-negara Barat khawatir Rusia "
                      "akan melakukan serangan di Ukraina. Rusia akan mengirim pasukan ke Belarus.",
                      published="2022-01-21")
    statuses = {trigger: status for kind, _, _, status, trigger in found}
    assert statuses["menyerang"] == "negated"
    assert statuses["melakukan serangan"] == "hypothetical"
    assert statuses["mengirim pasukan"] == "future"
    assert not [f for f in found if f[0] == "ASSAULT" and f[3] == "asserted"]


def test_analogy_makes_a_dated_historical_event():
    record, found = events("Negara-negara Barat khawatir Rusia akan melakukan serangan di Ukraina seperti yang "
                           "terjadi di semenanjung Krimea pada 2014.", published="2022-01-21")
    historical = [e for e in record.events if e.status == "historical"]
    assert historical and historical[0].date == "2014" and historical[0].location.name == "Krimea"
    assert historical[0].rule.endswith("+analogy")


def test_rejection_answers_the_last_demand():
    _, found = events("Rusia telah mendesak NATO untuk menghentikan ekspansi ke arah timur. "
                      "NATO telah menolak tuntutan tersebut.", published="2022-01-21")
    assert ("REQUEST", "Russia", "NATO", "asserted", "mendesak NATO untuk") in found
    assert any(t == "REJECT" and a == "NATO" and r == "Russia" for t, a, r, _, _ in found)


def test_reciprocal_pair_and_shared_subject():
    _, found = events("Menteri Luar Negeri AS Antony Blinken dan Menlu Rusia Sergei Lavrov berjabat tangan di "
                      "Jenewa dan sepakat untuk melanjutkan dialog.", published="2022-01-21")
    sides = {(t, a, r) for t, a, r, _, _ in found}
    assert ("CONSULT", "Antony Blinken", "Sergei Lavrov") in sides
    assert ("AGREE", "Antony Blinken", "Sergei Lavrov") in sides


def test_police_acting_in_a_passive_without_agent():
    _, found = events("Polres Metro Depok menyelidiki kasus penganiayaan itu. Barang bukti telah disita "
                      "dan Budi Hartono ditetapkan sebagai tersangka.")
    kinds = {(t, a) for t, a, _, _, _ in found}
    assert ("COERCE", "Polres Metro Depok") in kinds
    assert ("ACCUSE", "Polres Metro Depok") in kinds


def test_regency_resolves_in_the_gazetteer():
    record, _ = events("Kejaksaan Negeri Lembata menggeledah kantor Dinas PUPR di Lembata pada Selasa (7/10/2025).")
    located = [e for e in record.events if e.location]
    assert located and located[0].location.name == "Lembata" and located[0].location.country == "IDN"
    assert located[0].location.precision == "region" and located[0].location.lat is not None


def test_english_passive_obligation_and_announced_intent():
    _, found = events("Opposition leader John Mensah was arrested by police in Accra on Monday.",
                      title="Opposition leader arrested in Accra", language="en", published="2024-03-04")
    assert any(t == "COERCE" and r == "John Mensah" for t, _, r, _, _ in found), found
    record, found = events("Syria said it will withdraw its troops from Lebanon.", title="Syria to withdraw troops",
                           language="en", published="2005-03-05")
    kinds = {(t, s) for t, _, _, s, _ in found}
    assert ("AGREE", "asserted") in kinds and ("RETREAT", "future") in kinds


def test_event_spans_and_rules_point_into_the_text():
    record, _ = events("Kapolri Listyo Sigit Prabowo mengecam aksi perusakan fasilitas umum di Makassar.")
    assert record.events
    for event in record.events:
        text = record.text_of(event.trigger.field)
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.rule.startswith("id:") and "@" in event.rule
