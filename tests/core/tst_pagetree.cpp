// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/pagetree.h>

#include <QTest>

using namespace tessera;

namespace {

ElementPtr text(const QString& s, ElementKind kind = ElementKind::Text) {
    auto e = std::make_shared<Element>();
    e->kind = kind;
    e->props.insert(QStringLiteral("text"), s);
    return e;
}

Delta delta(Path path, ElementPtr e, quint64 run) {
    return Delta{std::move(path), std::move(e), run, QStringLiteral("main")};
}

}  // namespace

class TestPageTree : public QObject {
    Q_OBJECT
private slots:
    void newElementIsUpserted() {
        PageTree tree;
        const auto ops = tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].type, PageOp::Type::Upsert);
        QCOMPARE(tree.elementCount(), 1);
    }

    void unchangedElementCostsNothing() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        const auto ops = tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 2));
        QVERIFY(ops.isEmpty());
    }

    void aChartRecomputedToTheSameValuesCostsNothing() {
        const auto chart = [](double last) {
            auto e = std::make_shared<Element>();
            e->kind = ElementKind::LineChart;
            e->frame = std::make_shared<DataFrame>(
                DataFrame()
                    .add(QStringLiteral("y"), std::vector<double>{1, qQNaN(), last})
                    .add(QStringLiteral("label"), QStringList{"a", "b", "c"}));
            return e;
        };
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, chart(3), 1));
        const ElementPtr first = tree.node({MainRoot, 0})->element;
        // New buffers, same values (NaN included): the page keeps what it has.
        QVERIFY(tree.apply(delta({MainRoot, 0}, chart(3), 2)).isEmpty());
        QCOMPARE(tree.node({MainRoot, 0})->element, first);
        const auto ops = tree.apply(delta({MainRoot, 0}, chart(4), 3));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].type, PageOp::Type::Upsert);
        // Empty columns (no data pointer at all) are equal too.
        const DataFrame empty = DataFrame().add(QStringLiteral("y"), std::vector<double>{});
        QVERIFY(empty.sameValues(DataFrame().add(QStringLiteral("y"), std::vector<double>{})));
        QVERIFY(!empty.sameValues(DataFrame().add(QStringLiteral("y"), std::vector<double>{1})));
    }

    void changedPropsUpdateInPlace() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        const auto ops = tree.apply(delta({MainRoot, 0}, text(QStringLiteral("b")), 2));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].type, PageOp::Type::Upsert);
        QCOMPARE(tree.node({MainRoot, 0})->element->props.value("text").toString(),
                 QStringLiteral("b"));
    }

    void otherKindReplacesSubtree() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text({}, ElementKind::Container), 1));
        tree.apply(delta({MainRoot, 0, 0}, text(QStringLiteral("child")), 1));
        QCOMPARE(tree.elementCount(), 2);
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("leaf")), 2));
        QCOMPARE(tree.elementCount(), 1);
    }

    void staleElementsFadeThenGo() {
        PageTree tree;
        for (int i = 0; i < 3; ++i) tree.apply(delta({MainRoot, i}, text(QString::number(i)), 1));
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("0")), 2));
        const auto faded = tree.fadeStale({}, {2});
        QCOMPARE(faded.size(), 2);
        QVERIFY(faded[0].stale);
        const auto removed = tree.removeStale({}, {2});
        QCOMPARE(removed.size(), 2);
        // Back to front, so each path is still valid when applied in order.
        QCOMPARE(removed[0].path, Path({MainRoot, 2}));
        QCOMPARE(removed[1].path, Path({MainRoot, 1}));
        QCOMPARE(tree.elementCount(), 1);
    }

    void rewrittenStaleElementIsUnfaded() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        tree.fadeStale({}, {2});
        const auto ops = tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 2));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].type, PageOp::Type::SetStale);
        QVERIFY(!ops[0].stale);
    }

    void unfadeAfterAStop() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        tree.fadeStale({}, {2});
        const auto ops = tree.unfade({});
        QCOMPARE(ops.size(), 1);
        QVERIFY(!ops[0].stale);
        QVERIFY(!tree.node({MainRoot, 0})->stale);
        QCOMPARE(tree.elementCount(), 1);
    }

    void fragmentInsidesBelongToTheFragment() {
        PageTree tree;
        auto fragment = std::make_shared<Element>();
        fragment->kind = ElementKind::Fragment;
        fragment->props.insert("id", "f");
        tree.apply(delta({MainRoot, 0}, fragment, 1));
        tree.apply(
            Delta{{MainRoot, 0, 0}, text(QStringLiteral("inside")), 5, QStringLiteral("f@0.0")});
        tree.apply(delta({MainRoot, 1}, text(QStringLiteral("main")), 1));
        // The full run (runs 1 and 2) keeps the container; its inside is not its business.
        QVERIFY(tree.removeStale({}, {1, 2}).isEmpty());
        QCOMPARE(tree.elementCount(), 3);
        // The fragment's next run (6) wrote nothing: its old inside goes, the rest stays.
        const auto ops = tree.removeStale({MainRoot, 0}, {6});
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].path, Path({MainRoot, 0, 0}));
        QCOMPARE(tree.elementCount(), 2);
    }

    void appendGoesAfterTheChildren() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("a")), 1));
        const auto ops =
            tree.apply(delta({MainRoot, PageTree::kAppend}, text(QStringLiteral("b")), 2));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].path, Path({MainRoot, 1}));
        tree.apply(delta({MainRoot, PageTree::kAppend}, text(QStringLiteral("c")), 3));
        QCOMPARE(tree.elementCount(), 3);
    }

    void addedRowsGoBelowTheDataAndOnlyTheyAreHandedOn() {
        PageTree tree;
        auto chart = std::make_shared<Element>();
        chart->kind = ElementKind::LineChart;
        chart->props.insert(QStringLiteral("rows"), qlonglong(3));
        chart->frame = std::make_shared<const DataFrame>(
            DataFrame().add(QStringLiteral("y"), std::vector<double>{1, 2, 3}));
        tree.apply(delta({MainRoot, 0}, chart, 1));

        auto rows = std::make_shared<Element>();
        rows->kind = ElementKind::LineChart;
        rows->frame = std::make_shared<const DataFrame>(
            DataFrame().add(QStringLiteral("y"), std::vector<double>{4, 5}));
        Delta more = delta({MainRoot, 0}, rows, 1);
        more.addRows = true;
        const auto ops = tree.apply(more);
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].type, PageOp::Type::AddRows);
        QCOMPARE(ops[0].rows, rows->frame);  // only the new rows, by pointer
        const Element& shown = *tree.node({MainRoot, 0})->element;
        QCOMPARE(ops[0].element.get(), &shown);
        QCOMPARE(shown.frame->column(QStringLiteral("y"))->numbers(),
                 std::vector<double>({1, 2, 3, 4, 5}));
        QCOMPARE(shown.props.value(QStringLiteral("rows")).toLongLong(), 5);
        QCOMPARE(chart->frame->rowCount(), 3);  // the element that was drawn is unchanged

        // Rows that do not fit, or for an element of another kind by now, change nothing.
        auto wrong = std::make_shared<Element>(*rows);
        wrong->frame = std::make_shared<const DataFrame>(
            DataFrame().add(QStringLiteral("z"), std::vector<double>{9}));
        Delta misfit = delta({MainRoot, 0}, wrong, 1);
        misfit.addRows = true;
        QVERIFY(tree.apply(misfit).isEmpty());
        tree.apply(delta({MainRoot, 0}, text(QStringLiteral("replaced")), 2));
        QVERIFY(tree.apply(more).isEmpty());
        Delta nowhere = delta({MainRoot, 3}, rows, 2);
        nowhere.addRows = true;
        QVERIFY(tree.apply(nowhere).isEmpty());
        QCOMPARE(tree.elementCount(), 1);
    }

    void deltaForUnknownParentIsIgnored() {
        PageTree tree;
        QVERIFY(tree.apply(delta({MainRoot, 4, 0}, text(QStringLiteral("orphan")), 1)).isEmpty());
        QVERIFY(tree.apply(delta({7, 0}, text(QStringLiteral("bad root")), 1)).isEmpty());
        QCOMPARE(tree.elementCount(), 0);
    }

    void gapsAreFilledWithEmptySlots() {
        PageTree tree;
        const auto ops = tree.apply(delta({MainRoot, 2}, text(QStringLiteral("late")), 1));
        QCOMPARE(ops.size(), 3);
        QCOMPARE(tree.node({MainRoot, 0})->element->kind, ElementKind::Empty);
    }

    void snapshotRebuildsThePage() {
        PageTree tree;
        tree.apply(delta({MainRoot, 0}, text({}, ElementKind::Container), 1));
        tree.apply(delta({MainRoot, 0, 0}, text(QStringLiteral("x")), 1));
        tree.apply(delta({SidebarRoot, 0}, text(QStringLiteral("s")), 1));
        const auto ops = tree.snapshot();
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops[1].path, Path({MainRoot, 0, 0}));
    }
};

QTEST_GUILESS_MAIN(TestPageTree)
#include "tst_pagetree.moc"
