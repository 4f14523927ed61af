// SPDX-License-Identifier: GPL-3.0-or-later
// Widget values from outside (the UI, --set, later the browser) are validated against the
// widget's definition; a wrong value is refused with a reason and changes nothing.
#include "widgetstore.h"

#include <QTest>

using namespace tessera;
using tessera::detail::WidgetSpec;

Q_DECLARE_METATYPE(tessera::ElementKind)

class TestWidgetValues : public QObject {
    Q_OBJECT
private slots:
    void coerce_data() {
        QTest::addColumn<ElementKind>("kind");
        QTest::addColumn<QVariantMap>("props");
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QVariant>("expected");  // invalid = refused

        const QVariantMap intSlider{{"min", 0}, {"max", 10}, {"integer", true}};
        const QVariantMap dblSlider{{"min", 0.0}, {"max", 1.0}, {"integer", false}};
        const QVariantMap choice{{"options", QStringList{"a", "b"}}};
        const QVariantMap range{{"min", 0}, {"max", 100}};
        QTest::newRow("int in range")
            << ElementKind::Slider << intSlider << QVariant("7") << QVariant(7);
        QTest::newRow("int above max")
            << ElementKind::Slider << intSlider << QVariant(11) << QVariant();
        QTest::newRow("int not whole")
            << ElementKind::Slider << intSlider << QVariant(2.5) << QVariant();
        QTest::newRow("int not a number")
            << ElementKind::Slider << intSlider << QVariant("seven") << QVariant();
        QTest::newRow("double") << ElementKind::Slider << dblSlider << QVariant("0.25")
                                << QVariant(0.25);
        QTest::newRow("nan") << ElementKind::Slider << dblSlider << QVariant("nan") << QVariant();
        QTest::newRow("bool text")
            << ElementKind::Checkbox << QVariantMap() << QVariant("true") << QVariant(true);
        QTest::newRow("bool junk")
            << ElementKind::Toggle << QVariantMap() << QVariant("maybe") << QVariant();
        QTest::newRow("option") << ElementKind::Selectbox << choice << QVariant("b")
                                << QVariant("b");
        QTest::newRow("not an option")
            << ElementKind::Radio << choice << QVariant("c") << QVariant();
        QTest::newRow("multi") << ElementKind::Multiselect << choice << QVariant("a,b")
                               << QVariant(QStringList{"a", "b"});
        QTest::newRow("multi bad")
            << ElementKind::Multiselect << choice << QVariant("a,z") << QVariant();
        QTest::newRow("range") << ElementKind::RangeSlider << range << QVariant("10,20")
                               << QVariant(QVariantList{10, 20});
        QTest::newRow("range reversed")
            << ElementKind::RangeSlider << range << QVariant("20,10") << QVariant();
        QTest::newRow("range outside")
            << ElementKind::RangeSlider << range << QVariant("-5,10") << QVariant();
        QTest::newRow("date") << ElementKind::DateInput << QVariantMap() << QVariant("2026-02-03")
                              << QVariant(QDate(2026, 2, 3));
        QTest::newRow("date bad") << ElementKind::DateInput << QVariantMap()
                                  << QVariant("2026-13-40") << QVariant();
        QTest::newRow("color") << ElementKind::ColorPicker << QVariantMap() << QVariant("#A0B0C0")
                               << QVariant("#a0b0c0");
        QTest::newRow("color bad")
            << ElementKind::ColorPicker << QVariantMap() << QVariant("red") << QVariant();
        QTest::newRow("number") << ElementKind::NumberInput
                                << QVariantMap{{"min", -1.0}, {"max", 1.0}} << QVariant("-0.5")
                                << QVariant(-0.5);
    }

    void coerce() {
        QFETCH(ElementKind, kind);
        QFETCH(QVariantMap, props);
        QFETCH(QVariant, input);
        QFETCH(QVariant, expected);
        WidgetSpec spec{kind, QStringLiteral("w"), {}, {}, props};
        QString error;
        const QVariant result = detail::coerceWidgetValue(spec, input, &error);
        if (!expected.isValid()) {
            QVERIFY(!result.isValid());
            QVERIFY2(!error.isEmpty(), "a refused value must come with a reason");
        } else {
            QCOMPARE(result, expected);
        }
    }

    void refusedValueChangesNothing() {
        detail::WidgetStore store;
        WidgetSpec spec{ElementKind::Slider,
                        QStringLiteral("n"),
                        {},
                        5,
                        {{"min", 0}, {"max", 10}, {"integer", true}}};
        store.registerWidget(QStringLiteral("id"), spec);
        QVERIFY(!store.set(QStringLiteral("id"), 99).error.isEmpty());
        QCOMPARE(store.value(QStringLiteral("id")).toInt(), 5);
        QVERIFY(!store.set(QStringLiteral("unknown"), 1).error.isEmpty());
    }

    void keptValueResetWhenNoLongerValid() {
        detail::WidgetStore store;
        WidgetSpec spec{ElementKind::Selectbox,
                        QStringLiteral("s"),
                        {},
                        "a",
                        {{"options", QStringList{"a", "b"}}}};
        store.registerWidget(QStringLiteral("id"), spec);
        QVERIFY(store.set(QStringLiteral("id"), "b").error.isEmpty());
        spec.props["options"] = QStringList{"a", "c"};
        QCOMPARE(store.registerWidget(QStringLiteral("id"), spec).toString(), QStringLiteral("a"));
    }
};

QTEST_GUILESS_MAIN(TestWidgetValues)
#include "tst_widgetvalues.moc"
