"""The names and scraped benchmark parts run on a tiny stand-in corpus of our own."""

import json
from types import SimpleNamespace

from benchmarks.extra import run_names, run_scraped


def _write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_names_part_counts_variants_and_different_names(tmp_path):
    rows = [
        {"original": "kowalczyk", "variant": "kowalczk", "near_variant": True, "field": "surname"},
        {"original": "brown", "variant": "green", "near_variant": False, "field": "surname"},
        {"original": "hamilton", "variant": "hamilton", "near_variant": True, "field": "given_name"},
        {"original": "margaret", "variant": "margeret", "near_variant": True, "field": "given_name"},
        {"original": "osborne", "variant": "osbourne", "near_variant": True, "field": "surname"},
    ]
    _write(tmp_path / "name_variants" / "febrl_name_pairs.jsonl", rows)
    res = run_names(SimpleNamespace(corpus=tmp_path, seed=1))
    hit, n = res["one_edit_pairs"]
    assert n == 3 and hit >= 2  # kowalczk, margeret, osbourne are one edit apart
    assert res["different_surname"][1] > 0


def test_scraped_part_flags_a_trailer_and_not_the_article(tmp_path):
    article = (
        "The council approved the budget on Tuesday after a long debate about road repairs.\n\n"
        "Councillors said the money would be spent over the next three years on the worst roads."
    )
    naive = article + "\n\nShare this article\n\nFollow us on Twitter for the latest news\n"
    rows = [{"id": 1, "naive_text": naive, "gold_text": article}]
    for rel in ("raw_scraped_news/gn1_google_news.jsonl", "raw_scraped_news/dragnet_news_blogs.jsonl"):
        _write(tmp_path / rel, rows)
    res = run_scraped(SimpleNamespace(corpus=tmp_path))
    tot = res["raw_scraped_news/gn1_google_news.jsonl"]
    assert tot["trailer_lines"] == 2 and tot["trailer_flagged"] == 2
    assert tot["gold_lines"] == 2 and tot["gold_flagged"] == 0


def test_bbc_split_is_fixed_by_the_id_and_halves_the_corpus():
    from benchmarks.corpus import Article, split_articles, split_of

    ids = [f"business/{n:03d}" for n in range(400)]
    arts = [Article(i, "text") for i in ids]
    dev, held = split_articles(arts, "dev"), split_articles(arts, "held-out")
    assert len(dev) + len(held) == len(arts) and not {a.id for a in dev} & {a.id for a in held}
    assert 150 < len(dev) < 250  # a hash, so about half each
    # The half depends on the id alone, not on the order or the company it keeps.
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids[::-1]][::-1]
    assert split_articles(arts[::-1], "dev") == dev[::-1]
    assert split_articles(arts, "all") == arts


def test_lines_part_labels_kinds_and_splits_on_invented_pages(tmp_path):
    import json
    from types import SimpleNamespace

    from benchmarks.lines import kind_of, label_lines, run_lines, split_of

    gold = "The harbour reopened on Tuesday after the storm, officials said.\n\nBoats returned to the quay."
    naive = "Home | News | Sport\n\n" + gold + "\n\nTweet this\nMost Popular\nAdvertise With Us\n© 2024 The Harbour Times"
    labels = label_lines([x for x in naive.splitlines() if x.strip()], gold)
    assert labels == ["not", "article", "article", "not", "not", "not", "not"]
    assert [kind_of(x) for x in ("Tweet this", "Most Popular", "Advertise With Us", "© 2024 The Harbour Times")] == [
        "share/follow", "read-more/related", "adverts", "copyright"]
    assert kind_of("Spotless harbour wins praise from visitors on Facebook and in the local papers") == "other"
    assert split_of("a/1") == split_of("a/1") and {split_of(f"p/{i}") for i in range(50)} == {"dev", "held-out"}
    for rel in ("raw_scraped_news/gn1_google_news.jsonl", "raw_scraped_news/dragnet_news_blogs.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        rows = [{"id": i, "naive_text": naive, "gold_text": gold} for i in range(6)]
        (tmp_path / rel).write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    res = run_lines(SimpleNamespace(corpus=tmp_path, split="all", samples=0))
    tot = {k: sum(res["splits"][s]["kinds"][k]["found"] for s in ("dev", "held-out")) for k in ("share/follow", "copyright")}
    assert tot["share/follow"] == 12 and tot["copyright"] == 12
    assert sum(res["splits"][s]["article_flagged_warning"] for s in ("dev", "held-out")) == 0


def test_lines_part_labels_a_repeated_headline_by_place_and_keeps_gold_furniture_apart():
    from benchmarks.lines import edge_zone, is_gold_furniture, label_lines

    gold = "Harbour reopens\nBy Marta Ellison\nThe harbour reopened on Tuesday after the storm.\nTweet"
    naive = [
        "Home", "Harbour reopens", "By Marta Ellison", "The harbour reopened on Tuesday after the storm.", "Tweet",
        "Recent posts", "Harbour reopens", "Tweet",
    ]
    labels = label_lines(naive, gold)
    # the headline and the button are article (or furniture) where the article is,
    # not in the "recent posts" list below it
    assert labels == ["not", "article", "furniture", "article", "furniture", "not", "not", "not"]
    assert is_gold_furniture("8 comments") and is_gold_furniture("© 2024 The Harbour Times")
    # a sentence of the story is article even when it has a keyword of a kind
    assert not is_gold_furniture("The council said it would share the cost of the sea wall.")
    assert not is_gold_furniture("Boats returned to the quay")
    # a byline with its date and time, a bare clock time, an agency credit: furniture
    assert is_gold_furniture("by Jo Lane on Wednesday, October 19, 2011 at 1:31pm")
    assert is_gold_furniture("7:29pm, EDT") and is_gold_furniture("(AP)") and is_gold_furniture("09/06/2012")
    # a long line of prose with a date in it is not
    assert not is_gold_furniture("The mayor said the 5th of May would be a holiday for all")
    assert edge_zone(labels) == set(range(0, 8))


def test_lines_benchmark_reads_a_kept_foreign_line_with_its_own_detector():
    from benchmarks.lines import foreign_by_langdetect

    assert foreign_by_langdetect("Muchas gracias por este artículo, me ha gustado mucho leerlo esta mañana") == "es"
    assert foreign_by_langdetect("Thank you for this article, I enjoyed reading it very much this morning") is None
    assert foreign_by_langdetect("Gracias amigo") is None  # too short to judge
