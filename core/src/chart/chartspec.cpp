// SPDX-License-Identifier: GPL-3.0-or-later
// The chart builders: each call sets one key of the spec's map (docs/protocol.md, "Charts").
#include <tessera/chart.h>

#include <tessera/host/chartplan.h>

#include <QVariantList>

namespace tessera {

Field::Field(QString column) {
    m_map.insert(chartkey::field, std::move(column));
}

Field::Field(const char* column) : Field(QString::fromUtf8(column)) {}

Field Field::value(double constant) {
    Field f;
    f.m_map.insert(chartkey::value, constant);
    return f;
}

Field Field::count() {
    return Field().aggregate(Aggregate::Count);
}

Field& Field::type(FieldType type) {
    m_map.insert(chartkey::type, enumName(type));
    return *this;
}

Field& Field::title(QString title) {
    m_map.insert(chartkey::title, std::move(title));
    return *this;
}

Field& Field::format(QString format) {
    m_map.insert(chartkey::format, std::move(format));
    return *this;
}

Field& Field::ticks(int count) {
    m_map.insert(chartkey::ticks, count);
    return *this;
}

Field& Field::scale(ScaleType type) {
    m_map.insert(chartkey::scale, enumName(type));
    return *this;
}

Field& Field::domain(double min, double max) {
    m_map.insert(chartkey::domain, QVariantList{min, max});
    return *this;
}

Field& Field::nice(bool on) {
    m_map.insert(chartkey::nice, on);
    return *this;
}

Field& Field::zero(bool on) {
    m_map.insert(chartkey::zero, on);
    return *this;
}

Field& Field::bin(int maxBins) {
    m_map.insert(chartkey::bin, maxBins);
    return *this;
}

Field& Field::binStep(double step) {
    m_map.insert(chartkey::binStep, step);
    return *this;
}

Field& Field::aggregate(Aggregate aggregate) {
    m_map.insert(chartkey::aggregate, enumName(aggregate));
    return *this;
}

Field& Field::stack(StackMode mode) {
    m_map.insert(chartkey::stack, enumName(mode));
    return *this;
}

Field& Field::rightAxis() {
    m_map.insert(chartkey::axis, chartkey::right);
    return *this;
}

Field& Field::timeZone(QString ianaId) {
    m_map.insert(chartkey::timeZone, std::move(ianaId));
    return *this;
}

Layer::Layer(Mark mark) {
    m_map.insert(chartkey::mark, enumName(mark));
}

Layer& Layer::set(const QString& channel, const Field& field) {
    QVariantMap encoding = m_map.value(chartkey::encoding).toMap();
    encoding.insert(channel, field.toMap());
    m_map.insert(chartkey::encoding, encoding);
    return *this;
}

Layer& Layer::x(Field f) {
    return set(chartkey::x, f);
}
Layer& Layer::y(Field f) {
    return set(chartkey::y, f);
}
Layer& Layer::y2(Field f) {
    return set(chartkey::y2, f);
}
Layer& Layer::color(Field f) {
    return set(chartkey::color, f);
}
Layer& Layer::size(Field f) {
    return set(chartkey::size, f);
}
Layer& Layer::theta(Field f) {
    return set(chartkey::theta, f);
}
Layer& Layer::text(Field f) {
    return set(chartkey::text, f);
}
Layer& Layer::open(Field f) {
    return set(chartkey::open, f);
}
Layer& Layer::high(Field f) {
    return set(chartkey::high, f);
}
Layer& Layer::low(Field f) {
    return set(chartkey::low, f);
}
Layer& Layer::close(Field f) {
    return set(chartkey::close, f);
}

Layer& Layer::tooltip(const QList<Field>& fields) {
    QVariantList list;
    for (const Field& f : fields) list.append(f.toMap());
    m_map.insert(chartkey::tooltip, list);
    return *this;
}

Layer& Layer::innerRadius(double fraction) {
    m_map.insert(chartkey::innerRadius, fraction);
    return *this;
}

Layer& Layer::name(QString name) {
    m_map.insert(chartkey::name, std::move(name));
    return *this;
}

Chart::Chart(const Layer& layer) {
    this->layer(layer);
}

Chart& Chart::layer(const Layer& layer) {
    QVariantList layers = m_map.value(chartkey::layers).toList();
    layers.append(layer.toMap());
    m_map.insert(chartkey::layers, layers);
    return *this;
}

Chart& Chart::title(QString title) {
    m_map.insert(chartkey::title, std::move(title));
    return *this;
}

Chart& Chart::height(int pixels) {
    m_map.insert(chartkey::height, pixels);
    return *this;
}

Chart& Chart::timeZone(QString ianaId) {
    m_map.insert(chartkey::timeZone, std::move(ianaId));
    return *this;
}

Chart& Chart::keepLastRows(qsizetype rows) {
    m_map.insert(chartkey::keepLastRows, qlonglong(rows));
    return *this;
}

Chart& Chart::keepLastSeconds(double seconds) {
    m_map.insert(chartkey::keepLastSeconds, seconds);
    return *this;
}

}  // namespace tessera
