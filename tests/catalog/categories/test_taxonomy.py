"""Reading Google Product Taxonomy files: the real en-US and zh-CN editions, and the mess a
hand-edited or re-saved file can contain."""

from __future__ import annotations

from tradebridge.catalog.taxonomy import GoogleTaxonomy, read_google_taxonomy

EN = """\ufeff# Google_Product_Taxonomy_Version: 2015-02-19
1 - Animals & Pet Supplies
3237 - Animals & Pet Supplies > Live Animals

2 - Animals & Pet Supplies > Pet Supplies
4 - Animals & Pet Supplies > Pet Supplies > Cat Supplies
"""

ZH = """# Google_Product_Taxonomy_Version: 2012-01-13
1 - 宠物/宠物用品
2 - 宠物/宠物用品 > 宠物用品
999 - 宠物/宠物用品 > 已撤销
"""


def test_nodes_are_joined_on_id_with_chinese_where_present(write):
    taxonomy = GoogleTaxonomy(write("en.txt", EN), write("zh.txt", ZH))
    nodes = {node.id: node for node in taxonomy}

    assert list(nodes) == [1, 3237, 2, 4]
    assert nodes[1].path_zh == ("宠物/宠物用品",) and nodes[1].name_zh == "宠物/宠物用品"
    assert nodes[3237].path_zh is None and nodes[3237].name_zh is None
    assert nodes[4].path_en == ("Animals & Pet Supplies", "Pet Supplies", "Cat Supplies")
    assert [nodes[i].parent_id for i in (1, 3237, 2, 4)] == [None, 1, 1, 2]
    assert nodes[4].depth == 2
    assert taxonomy.errors == []
    assert (taxonomy.count, taxonomy.zh_missing, taxonomy.zh_only) == (4, 2, 1)
    assert (taxonomy.en_version, taxonomy.zh_version) == ("2015-02-19", "2012-01-13")


def test_without_a_chinese_file_every_node_lacks_chinese(write):
    nodes, errors = read_google_taxonomy(write("en.txt", EN))
    assert [n.path_zh for n in nodes] == [None] * 4
    assert errors == []


def test_malformed_lines_are_collected_with_line_numbers_not_raised(write):
    text = (
        "1 - Apparel\n"  # line 1
        "not a category line\n"  # 2
        "x12 - Apparel > Shoes\n"  # 3
        "5 - \n"  # 4
        "6 - Apparel >  > Hats\n"  # 5
        "1 - Apparel again\n"  # 6: id repeated
        "7 - Apparel\n"  # 7: path repeated
        "8 - Toys > Puzzles\n"  # 8: parent never appears
        "9 - Apparel > Scarves\r\n"  # 9: Windows line ending is fine
    )
    raw = text.encode() + b"10 - Apparel > Caf\xe9\n"  # 10: Latin-1, not UTF-8
    taxonomy = GoogleTaxonomy(write("en.txt", raw))
    nodes = list(taxonomy)

    assert [(n.id, n.path_en) for n in nodes] == [(1, ("Apparel",)), (9, ("Apparel", "Scarves"))]
    assert [(e.line, e.file) for e in taxonomy.errors] == [
        (2, "en.txt"),
        (3, "en.txt"),
        (4, "en.txt"),
        (5, "en.txt"),
        (6, "en.txt"),
        (7, "en.txt"),
        (10, "en.txt"),
        (8, "en.txt"),  # reported at the end: the parent might have come later
    ]
    assert "not UTF-8" in str(taxonomy.errors[6])
    assert str(taxonomy.errors[-1]) == "en.txt:8: id 8: parent 'Toys' is not in the file"


def test_a_child_listed_before_its_parent_waits_for_it(write):
    text = "3 - A > B > C\n2 - A > B\n1 - A\n4 - A > D\n"
    nodes, errors = read_google_taxonomy(write("en.txt", text))
    assert [(n.id, n.parent_id) for n in nodes] == [(1, None), (2, 1), (3, 2), (4, 1)]
    assert errors == []


def test_bom_on_a_later_line_and_comments_anywhere(write):
    text = "1 - A\n# a note in the middle\n\ufeff2 - A > B\n   \n"
    nodes, errors = read_google_taxonomy(write("en.txt", text))
    assert [n.id for n in nodes] == [1, 2]
    assert errors == []


def test_real_files(taxonomy_files):
    en, zh = taxonomy_files
    taxonomy = GoogleTaxonomy(en, zh)
    nodes = {node.id: node for node in taxonomy}

    assert len(nodes) == 5427
    assert taxonomy.errors == []
    assert (taxonomy.en_version, taxonomy.zh_version) == ("2015-02-19", "2012-01-13")
    # The Chinese edition is older: 3,210 ids shared, 1,376 withdrawn since, 2,217 added.
    assert (taxonomy.zh_missing, taxonomy.zh_only) == (2217, 1376)
    assert sum(1 for n in nodes.values() if n.parent_id is None) == 21
    assert nodes[1].name_zh == "宠物/宠物用品"
    assert nodes[166].name_en == "Apparel & Accessories" and nodes[166].name_zh == "服饰"
    assert nodes[3237].parent_id == 1
    for node in nodes.values():
        if node.parent_id is not None:
            assert nodes[node.parent_id].path_en == node.path_en[:-1]
