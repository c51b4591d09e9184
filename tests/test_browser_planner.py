"""The meeting planner /bijeenkomst/: from a routekaart meeting to a timed agenda, tools
added from their pages, a share link that restores the plan elsewhere, a notice for a broken
link, a printed handout with werkbladen, keyboard reordering, accessible and private."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.planner import agenda_points
import yaml
from tests.browser_support import describe_violations, record_visit

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PLAN_JS = ROOT / "docs" / "assets" / "js" / "bijeenkomst-plan.js"
KEY = "menukaart:bijeenkomst"
TOOL = "pdca"  # a tool with numbered steps ("hoe")


def fase_meetings(fase_id: str) -> list[dict]:
    return fase_data(fase_id)["bijeenkomsten"]


def fase_data(fase_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "routekaart" / f"{fase_id}.yaml").read_text(encoding="utf-8"))


def open_planner(page, url):
    page.goto(url)
    page.locator("[data-plan][data-plan-klaar]").wait_for(state="attached")


def rows(page):
    return page.locator("[data-plan-item]")


def row_titles(page) -> list[str]:
    return page.locator("[data-plan-item] input[name=titel]").evaluate_all("els => els.map(e => e.value)")


def set_minutes(page, values):
    for i, v in enumerate(values):
        page.locator("[data-plan-item] input[name=minuten]").nth(i).fill(str(v))


def from_meeting(page, site_url, number=1):
    page.goto(site_url + "routekaart/fase-1/")
    page.locator("a[data-plan-bijeenkomst]").nth(number - 1).click()
    page.locator("[data-plan][data-plan-klaar]").wait_for(state="attached")


def test_every_meeting_of_a_fase_links_to_the_planner(page, site_url):
    page.goto(site_url + "routekaart/fase-1/")
    links = page.locator(".mk-meeting a[data-plan-bijeenkomst]")
    meetings = fase_meetings("fase-1")
    expect(links).to_have_count(len(meetings))
    for i, m in enumerate(meetings):
        expect(links.nth(i)).to_contain_text("Bereid deze bijeenkomst voor")
        expect(links.nth(i)).to_have_accessible_name(re.compile(r"^Bereid deze bijeenkomst voor ?: " + re.escape(m["titel"])))


def test_a_fase_1_meeting_opens_the_planner_with_its_agenda_and_purpose(page, site_url):
    meeting = fase_meetings("fase-1")[0]
    points = agenda_points(meeting["agenda"])
    assert len(points) >= 3
    tools = meeting.get("tools") or []  # the meeting's tools follow its agenda points
    from_meeting(page, site_url, 1)
    assert urlsplit(page.url).path.endswith("/bijeenkomst/")
    expect(rows(page)).to_have_count(len(points) + len(tools))
    assert row_titles(page)[: len(points)] == points
    expect(page.locator("#plan-titel")).to_have_value(meeting["titel"])
    expect(page.locator("#plan-doel")).to_have_value(meeting["doel"].strip())
    expect(page.locator("[data-plan-melding]")).to_contain_text("staat klaar")
    expect(page.locator("[data-plan-bron] a")).to_have_text("Fase 1: Wijkbeeld")
    # The handout ends with the fase's checklist.
    checklist = fase_data("fase-1")["checklist"]
    expect(page.locator("[data-plan-checklist=fase-1] li")).to_have_count(len(checklist))
    # Kept in localStorage (never a cookie), and a blank planner is one click away.
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))
    assert [r.get("punt") for r in stored["punten"]] == list(range(1, len(points) + 1)) + [0] * len(tools)
    assert [r.get("tool") for r in stored["punten"][len(points):]] == tools
    assert page.context.cookies() == [] and page.evaluate("document.cookie") == ""
    page.get_by_role("button", name="Plan wissen").click()
    expect(rows(page)).to_have_count(0)
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None
    expect(page.locator("[data-plan-leeg]")).to_be_visible()


def test_minutes_add_up_to_a_total_and_an_end_time(page, site_url):
    from_meeting(page, site_url, 1)
    n = rows(page).count()
    minutes = [20, 10, 30, 5, 15, 25][:n]
    set_minutes(page, minutes)
    total = page.locator("[data-plan-total]")
    expect(total).to_have_attribute("data-plan-minuten", str(sum(minutes)))
    expect(total).to_contain_text(f"{sum(minutes)} minuten")
    expect(total).not_to_contain_text(" tot ")  # no start time, no end time
    status = page.locator("[data-plan-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    page.keyboard.press("Tab")
    expect(status).to_contain_text(f"{sum(minutes)} minuten")  # announced once a field is left
    # Typing is not announced keystroke by keystroke: only when the field is left.
    field = page.locator("[data-plan-item] input[name=minuten]").first
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("45", delay=150)
    expect(total).to_have_attribute("data-plan-minuten", str(sum(minutes) - minutes[0] + 45))  # the total follows at once
    page.wait_for_timeout(1500)  # longer than the announcement's delay
    expect(status).to_contain_text(f"{sum(minutes)} minuten")
    page.keyboard.press("Tab")
    expect(status).to_contain_text(f"{sum(minutes) - minutes[0] + 45} minuten")
    set_minutes(page, minutes[:1])

    page.locator("#plan-start").fill("19:30")
    end_min = 19 * 60 + 30 + sum(minutes)
    end = f"{end_min // 60:02d}:{end_min % 60:02d}"
    expect(total).to_contain_text(f"van 19:30 tot {end}")
    expect(rows(page).nth(1).locator("[data-plan-tijd]")).to_have_text(f"19:50–20:00")
    # Leaving the field announces the new total once, with the end time.
    page.locator("[data-plan-item] input[name=minuten]").first.fill(str(minutes[0] + 5))
    page.locator("[data-plan-item] input[name=minuten]").first.press("Tab")
    expect(status).to_contain_text(f"{sum(minutes) + 5} minuten")
    expect(status).to_contain_text("van 19:30 tot")
    # The handout lists times, minutes and who.
    rows(page).nth(0).locator("input[name=wie]").fill("Voorzitter (nep)")
    first = page.locator("[data-plan-handout-item]").first
    expect(first).to_contain_text("19:30–19:55")
    expect(first).to_contain_text("Voorzitter (nep)")


def test_a_tool_added_from_its_page_appears_in_the_plan(page, site_url):
    from_meeting(page, site_url, 1)
    before = rows(page).count()
    page.goto(site_url + f"tools/{TOOL}/")
    title = page.locator("h1").first.text_content().strip()
    page.locator(f'button[data-plan-tool="{TOOL}"]').click()
    expect(page.locator("[data-plan-tool-status]")).to_have_text(f"Op de agenda gezet als punt {before + 1}.")
    expect(page.locator("[data-plan-count]")).to_have_text(str(before + 1))
    # "Mijn selectie" still works beside it.
    page.get_by_role("button", name="Bewaar in mijn selectie").click()
    expect(page.locator("[data-mk-select-count]")).to_have_text("1")

    page.locator("[data-plan-link]").click()
    page.locator("[data-plan][data-plan-klaar]").wait_for(state="attached")
    expect(rows(page)).to_have_count(before + 1)
    last = rows(page).nth(before)
    expect(last.locator("input[name=titel]")).to_have_value(title)
    expect(last.locator("select[name=tool]")).to_have_value(TOOL)
    expect(last.locator("a[data-plan-toollink]")).to_have_attribute("href", site_url + f"tools/{TOOL}/")
    expect(page.locator(f"[data-plan-werkblad={TOOL}] h2")).to_have_text(title)


def test_the_share_link_restores_the_plan_in_a_fresh_browser(page, site_url, browser):
    from_meeting(page, site_url, 2)
    page.goto(site_url + f"tools/{TOOL}/")
    page.locator(f'button[data-plan-tool="{TOOL}"]').click()
    open_planner(page, site_url + "bijeenkomst/")
    page.locator("#plan-plaats").fill("Buurthuis (nep), zaal 2")
    page.locator("#plan-datum").fill("2027-02-11")
    page.locator("#plan-start").fill("13:00")
    set_minutes(page, [10, 20, 30, 15, 5, 25][: rows(page).count()])
    rows(page).nth(0).locator("textarea[name=notitie]").fill("Naambordjes & koffie — ‘één’ ronde")
    rows(page).nth(0).locator("input[name=titel]").fill("Eigen titel <b>vet</b>?")
    expected = {
        "titles": row_titles(page),
        "minutes": page.locator("[data-plan-item] input[name=minuten]").evaluate_all("els => els.map(e => e.value)"),
        "total": page.locator("[data-plan-total]").text_content(),
    }
    link = page.locator("a[data-plan-share]").get_attribute("href")
    assert "#plan=" in link and len(link) < 2000
    assert page.url == link  # the page address is the share link too

    other = browser.new_context(locale="nl-NL")
    try:
        fresh = other.new_page()
        open_planner(fresh, link)
        assert row_titles(fresh) == expected["titles"]
        assert fresh.locator("[data-plan-item] input[name=minuten]").evaluate_all("els => els.map(e => e.value)") == expected["minutes"]
        expect(fresh.locator("[data-plan-total]")).to_have_text(expected["total"])
        expect(fresh.locator("#plan-plaats")).to_have_value("Buurthuis (nep), zaal 2")
        expect(fresh.locator("[data-plan-item] textarea[name=notitie]").first).to_have_value("Naambordjes & koffie — ‘één’ ronde")
        expect(fresh.locator("[data-plan-handout] b")).to_have_count(0)  # text stays text
        expect(fresh.locator(f"[data-plan-werkblad={TOOL}]")).to_have_count(1)
        # and it is kept there too
        assert json.loads(fresh.evaluate("k => localStorage.getItem(k)", KEY))["plaats"] == "Buurthuis (nep), zaal 2"
    finally:
        other.close()


def test_the_plan_downloads_as_a_file_and_opens_again_from_it(page, site_url, browser, tmp_path):
    from_meeting(page, site_url, 1)
    set_minutes(page, [5, 10])
    titles = row_titles(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als bestand").click()
    saved = tmp_path / "plan.json"
    info.value.save_as(saved)
    content = json.loads(saved.read_text(encoding="utf-8"))
    assert content["soort"] == "menukaart-bijeenkomst" and content["punten"][0]["titel"] == titles[0]

    other = browser.new_context(locale="nl-NL")
    try:
        fresh = other.new_page()
        open_planner(fresh, site_url + "bijeenkomst/")
        expect(rows(fresh)).to_have_count(0)
        fresh.locator("[data-plan-upload]").set_input_files(str(saved))
        expect(rows(fresh)).to_have_count(len(titles))
        assert row_titles(fresh) == titles
        expect(fresh.locator("[data-plan-item] input[name=minuten]").nth(1)).to_have_value("10")
        # A file that is not a plan: a notice, and the plan stays as it was.
        bad = tmp_path / "geen-plan.json"
        bad.write_text('{"soort": "iets anders"}', encoding="utf-8")
        fresh.locator("[data-plan-upload]").set_input_files(str(bad))
        expect(fresh.locator("[data-plan-melding]")).to_contain_text("kon niet worden geopend")
        expect(rows(fresh)).to_have_count(len(titles))
    finally:
        other.close()


@pytest.mark.parametrize("code", ["1.dGhpcyBpcyBub3QgYSBwbGFu", "1.WzEsIiIsIiIs", "9.abc", "1.%%%", "1.WzEsIiIsIiIsIiIsIiIsIiIsImZhc2UtOSIsMSxbWzFdXV0"],
                         ids=["no-json", "cut-off", "unknown-version", "not-base64", "unknown-fase"])
def test_a_broken_link_opens_an_empty_planner_with_a_dutch_notice(page, site_url, code):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_planner(page, site_url + "bijeenkomst/#plan=" + code)
    notice = page.locator("[data-plan-melding]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("beschadigd of onvolledig")
    expect(rows(page)).to_have_count(0)
    expect(page.locator("[data-plan-leeg]")).to_be_visible()
    expect(page.get_by_role("button", name="Punt toevoegen")).to_be_enabled()
    assert not errors


def test_a_link_to_a_meeting_that_does_not_exist_opens_an_empty_planner_with_a_notice(page, site_url):
    open_planner(page, site_url + "bijeenkomst/#bijeenkomst=fase-1.99")
    expect(page.locator("[data-plan-melding]")).to_contain_text("staat niet (meer) in de routekaart")
    expect(rows(page)).to_have_count(0)


def test_a_tool_added_in_another_tab_shows_up_in_the_open_planner(page, site_url):
    open_planner(page, site_url + "bijeenkomst/")
    other = page.context.new_page()
    other.goto(site_url + f"tools/{TOOL}/")
    other.locator(f'button[data-plan-tool="{TOOL}"]').click()
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator("select[name=tool]")).to_have_value(TOOL)


def test_a_broken_link_leaves_the_stored_plan_to_put_back(page, site_url):
    from_meeting(page, site_url, 1)
    n = rows(page).count()
    open_planner(page, site_url + "bijeenkomst/#plan=1.kapot")
    expect(rows(page)).to_have_count(0)
    page.get_by_role("button", name="Zet je vorige plan terug").click()
    expect(rows(page)).to_have_count(n)


def test_printing_gives_the_agenda_then_a_werkblad_per_tool_then_the_checklist(page, site_url):
    from_meeting(page, site_url, 1)
    page.goto(site_url + f"tools/{TOOL}/")
    page.locator(f'button[data-plan-tool="{TOOL}"]').click()
    open_planner(page, site_url + "bijeenkomst/")
    page.locator("#plan-start").fill("10:00")
    page.emulate_media(media="print")
    try:
        for hidden in [".md-header", "[data-mk-search]", ".md-sidebar--primary", ".md-footer", ".mk-plan__bewerken", "h1"]:
            expect(page.locator(hidden).first).to_be_hidden()
        expect(page.locator(".mk-handout__tabel")).to_be_visible()
        expect(page.locator("[data-plan-handout-item]").first).to_contain_text("10:00–10:15")
        werkblad = page.locator(f"[data-plan-werkblad={TOOL}]")
        steps = werkblad.locator(".mk-werkblad__hoe li")
        expect(steps.first).to_be_visible()
        expect(steps.first).to_contain_text("Plan")
        expect(werkblad.locator(".mk-werkblad__doel")).to_be_visible()
        expect(werkblad.locator(".mk-werkblad__nodig")).to_be_visible()
        expect(werkblad.locator(".mk-werkblad__bron li").first).to_be_visible()
        assert werkblad.evaluate("e => getComputedStyle(e).breakBefore") == "page"
        checklist = page.locator("[data-plan-checklist=fase-1]")
        expect(checklist).to_be_visible()
        assert checklist.evaluate("e => getComputedStyle(e).breakBefore") == "page"
        order = page.locator("[data-plan-handout] > section").evaluate_all("els => els.map(e => e.className)")
        # The agenda, then one werkblad per tool (the meeting's own tools and the added one), then the checklist.
        assert order[0] == "mk-handout__agenda" and order[-1] == "mk-handout__checklist"
        assert order[1:-1] and set(order[1:-1]) == {"mk-werkblad"}
    finally:
        page.emulate_media(media="screen")


def test_rows_are_added_removed_and_reordered_by_keyboard(page, site_url):
    from_meeting(page, site_url, 1)
    titles = row_titles(page)
    status = page.locator("[data-plan-status]")

    first_down = rows(page).nth(0).locator("[data-plan-omlaag]")
    first_down.focus()
    page.keyboard.press("Enter")
    assert row_titles(page) == [titles[1], titles[0], *titles[2:]]
    # Focus follows the moved row, so pressing again moves it further.
    focused = page.evaluate("document.activeElement.closest('[data-plan-item]').querySelector('input[name=titel]').value")
    assert focused == titles[0]
    page.keyboard.press("Space")
    assert row_titles(page) == [titles[1], titles[2], titles[0], *titles[3:]]
    expect(status).to_contain_text("staat nu op plaats 3")
    # Up again, from the up button of that row.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert row_titles(page) == [titles[1], titles[0], titles[2], *titles[3:]]
    # The top row cannot go higher; it says so instead of losing focus.
    top_up = rows(page).nth(0).locator("[data-plan-omhoog]")
    expect(top_up).to_have_attribute("aria-disabled", "true")
    top_up.focus()
    page.keyboard.press("Enter")
    expect(status).to_contain_text("staat al bovenaan")
    expect(top_up).to_be_focused()

    # Add with the keyboard: focus lands in the new row's title.
    page.get_by_role("button", name="Punt toevoegen").focus()
    page.keyboard.press("Enter")
    expect(rows(page)).to_have_count(len(titles) + 1)
    expect(rows(page).last.locator("input[name=titel]")).to_be_focused()
    page.keyboard.type("Pauze")
    # Remove with the keyboard.
    rows(page).last.locator("[data-plan-verwijder]").focus()
    page.keyboard.press("Enter")
    expect(rows(page)).to_have_count(len(titles))
    expect(status).to_contain_text("‘Pauze’ is van de agenda gehaald")


def test_focus_order_follows_the_agenda(page, site_url):
    from_meeting(page, site_url, 1)
    rows(page).nth(0).locator("input[name=titel]").focus()
    seen = []
    for _ in range(150):
        index = page.evaluate("(() => { const r = document.activeElement.closest('[data-plan-item]'); return r ? Number(r.getAttribute('data-plan-index')) : -1; })()")
        if index == -1:
            break
        seen.append(index)
        page.keyboard.press("Tab")
    assert seen == sorted(seen) and seen[-1] == rows(page).count() - 1
    expect(page.get_by_role("button", name="Punt toevoegen")).to_be_focused()


def _filled(page):
    page.goto(page.url.split("#")[0].replace("bijeenkomst/", "routekaart/fase-1/"))
    page.locator("a[data-plan-bijeenkomst]").first.click()
    page.locator("[data-plan][data-plan-klaar]").wait_for(state="attached")
    page.locator("#plan-start").fill("19:30")
    page.locator("[data-plan-item] select[name=tool]").first.select_option(TOOL)
    page.locator("[data-plan-werkblad]").first.wait_for()


@pytest.mark.parametrize("state", ["leeg", "gevuld"])
def test_planner_is_accessible_and_private(browser, site_url, state):
    visit = record_visit(browser, site_url + "bijeenkomst/", _filled if state == "gevuld" else None)
    assert not visit.axe_violations, describe_violations(visit.axe_violations)
    assert not visit.foreign_requests(site_url), visit.foreign_requests(site_url)
    assert not visit.cookies and visit.document_cookie == ""
    assert not visit.csp_violations and not visit.console_errors, (visit.csp_violations, visit.console_errors)
    assert not visit.duplicate_ids


def test_privacy_page_names_the_storage_key_and_how_to_clear_it(page, site_url):
    page.goto(site_url + "privacy/")
    text = page.locator(".md-content").inner_text()
    assert KEY in text and "Plan wissen" in text


# -- the encoding, called directly (the pure module, in the browser it runs in)

def _plan_module(page):
    page.set_content("<!doctype html><html lang='nl'><title>t</title><body></body></html>")
    page.add_script_tag(path=str(PLAN_JS))
    return "window.menukaartPlan"


TWELVE_ROWS = """P => {
  const plan = P.emptyPlan();
  Object.assign(plan, {titel: 'Werksessie wijkbeeld in de nepwijk', datum: '2027-03-04', plaats: 'Buurthuis De Nep, Nepstraat 12',
                       start: '19:30', fase: 'fase-1', bijeenkomst: 2});
  for (let i = 0; i < 12; i++) {
    plan.punten.push(P.newRow({
      punt: i < 5 ? i + 1 : 0,
      tool: i >= 5 && i < 9 ? ['wijkscan', 'pdca', 'wijkwandeling', 'theory-u'][i - 5] : '',
      titel: i >= 9 ? 'Eigen punt ' + i + ': terugblik en afspraken maken' : '',
      minuten: 5 + i * 5,
      notitie: 'Flip-over, stiften en post-its klaarleggen',
      wie: 'Procesbegeleider ' + (i % 3 + 1)
    }));
  }
  return plan;
}"""


def test_a_plan_of_twelve_rows_encodes_to_a_link_under_2000_characters(page, site_url):
    _plan_module(page)
    result = page.evaluate(f"""() => {{
      const P = window.menukaartPlan;
      const plan = ({TWELVE_ROWS})(P);
      const code = P.encode(plan);
      return {{code, same: JSON.stringify(P.decode(code)) === JSON.stringify(P.normalise(plan)), rows: plan.punten.length}};
    }}""")
    assert result["rows"] == 12 and result["same"]
    link = site_url + "bijeenkomst/#plan=" + result["code"]
    assert len(link) < 2000, len(link)
    # A deployed site's address is longer than the test server's; leave room for it.
    assert len("https://pluswijken.github.io/menukaart/bijeenkomst/#plan=" + result["code"]) < 2000


def test_decode_refuses_damaged_and_hand_edited_codes(page):
    _plan_module(page)
    outcomes = page.evaluate("""() => {
      const P = window.menukaartPlan;
      const good = P.encode(Object.assign(P.emptyPlan(), {titel: 'x', punten: [P.newRow({titel: 'a', minuten: 10})]}));
      const edit = s => '1.' + btoa(s).replace(/=+$/, '');
      const tries = {cut: good.slice(0, -3), empty: '', garbage: 'hallo', minutes: edit('[1,"x","","","","","",0,[[0,"",-5,"a"]]]'),
                     type: edit('[1,{"a":1}]'), tool: edit('[1,"","","","","","",0,[[0,"<script>",10]]]'),
                     time: edit('[1,"","","","25:99"]'), point: edit('[1,"","","","","","",0,[[3]]]')};
      const out = {ok: P.decode(good).punten[0].minuten};
      for (const [name, code] of Object.entries(tries)) {
        try { P.decode(code); out[name] = 'accepted'; } catch (e) { out[name] = e.name; }
      }
      return out;
    }""")
    assert outcomes.pop("ok") == 10
    assert outcomes == {k: "PlanError" for k in outcomes}, outcomes


def test_tools_a_meeting_names_become_rows_with_their_werkblad(page, site_url):
    """bijeenkomsten[].tools (optional in the data) reaches the plan: here planner.json is
    given a tool for the first fase 1 meeting, as the build writes it once the data names one."""
    def with_tool(route):
        data = route.fetch().json()
        fase = next(f for f in data["fases"] if f["id"] == "fase-1")
        assert fase["m"][0]["k"] == [] or fase["m"][0]["k"]  # the field is always there
        fase["m"][0]["k"] = [TOOL]
        route.fulfill(json=data)

    page.route("**/bijeenkomst/planner.json", with_tool)
    points = agenda_points(fase_meetings("fase-1")[0]["agenda"])
    from_meeting(page, site_url, 1)
    expect(rows(page)).to_have_count(len(points) + 1)
    last = rows(page).last
    expect(last.locator("select[name=tool]")).to_have_value(TOOL)
    expect(page.locator(f"[data-plan-werkblad={TOOL}]")).to_have_count(1)
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))
    assert stored["punten"][-1]["tool"] == TOOL and stored["punten"][-1]["titel"] == ""


def test_from_meeting_makes_a_row_per_point_then_per_tool(page):
    _plan_module(page)
    plan = page.evaluate("""() => window.menukaartPlan.fromMeeting(
        {id: 'fase-1', m: [{t: 'x', p: ['a', 'b'], k: ['pdca']}, {t: 'y', p: ['c'], k: []}]}, 1)""")
    assert (plan["fase"], plan["bijeenkomst"]) == ("fase-1", 1)
    assert [(r["punt"], r["tool"]) for r in plan["punten"]] == [(1, ""), (2, ""), (0, "pdca")]
    missing = page.evaluate("""() => { try { window.menukaartPlan.fromMeeting({id: 'fase-1', m: []}, 1); return 'accepted'; }
                                       catch (e) { return e.name; } }""")
    assert missing == "PlanError"


def test_every_stop_of_the_filled_planner_shows_focus_and_it_reflows_at_320_px(browser, site_url):
    """WCAG 2.4.7 and 1.4.10 on the planner itself (the checks of test_browser_privacy_a11y.py):
    a date or time field focuses its inner parts, which :focus-visible alone did not show."""
    from tests.test_browser_privacy_a11y import _FOCUS_STYLE, _OVERFLOW, NARROW

    for viewport in (None, NARROW):
        context = browser.new_context(locale="nl-NL", **({"viewport": viewport} if viewport else {}))
        try:
            page = context.new_page()
            from_meeting(page, site_url, 1)
            page.locator("[data-plan-item] select[name=tool]").first.select_option(TOOL)
            if viewport:
                assert not page.evaluate(_OVERFLOW)
                continue
            page.locator("#plan-titel").focus()
            unseen, stops = [], 0
            for _ in range(200):
                style = page.evaluate(_FOCUS_STYLE)
                if style.get("none") or not page.evaluate("document.activeElement.closest('.mk-plan') !== null"):
                    break
                stops += 1
                if not style["shown"]:
                    unseen.append(style["what"])
                page.keyboard.press("Tab")
            assert stops > 20
            assert not unseen, "no visible focus on:\n" + "\n".join(dict.fromkeys(unseen))
        finally:
            context.close()


def test_the_handout_prints_on_a4_with_a_new_sheet_per_werkblad(page, site_url):
    """The real print path (Chromium's PDF): A4 sheets from print.css, the agenda on the
    first, each tool's werkblad and the checklist starting a sheet of their own."""
    from_meeting(page, site_url, 1)
    for tool in (TOOL, "wijkscan"):
        page.goto(site_url + f"tools/{tool}/")
        page.locator(f'button[data-plan-tool="{tool}"]').click()
    open_planner(page, site_url + "bijeenkomst/")
    page.locator("#plan-start").fill("09:00")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    page.emulate_media(media="screen")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all((round(float(w)), round(float(h))) == (595, 842) for w, h in boxes), boxes  # A4 in points
    assert len(boxes) >= 4  # agenda, two werkbladen, checklist: at least one sheet each
