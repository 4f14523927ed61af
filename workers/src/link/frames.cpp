// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"

#include <QtEndian>

namespace tessera::workers {

namespace {
constexpr qsizetype kHeader = 9;  // length, session, kind
}

QByteArray encodeFrame(const Frame& frame) {
    QByteArray out(kHeader, Qt::Uninitialized);
    qToLittleEndian<quint32>(quint32(5 + frame.payload.size()), out.data());
    qToLittleEndian<quint32>(frame.session, out.data() + 4);
    out[8] = char(frame.kind);
    out.append(frame.payload);
    return out;
}

std::optional<Frame> FrameReader::next(QString* error) {
    const qsizetype available = m_data.size() - m_read;
    if (available < kHeader) return std::nullopt;
    const char* head = m_data.constData() + m_read;
    const quint32 length = qFromLittleEndian<quint32>(head);
    const quint8 kind = quint8(head[8]);
    if (length < 5 || length > kMaxFrameBytes || kind > quint8(Frame::Kind::Close)) {
        *error = QStringLiteral("a malformed frame (length %1, kind %2)").arg(length).arg(kind);
        return std::nullopt;
    }
    if (available < 4 + qsizetype(length)) return std::nullopt;
    Frame frame{qFromLittleEndian<quint32>(head + 4), Frame::Kind(kind),
                m_data.mid(m_read + kHeader, length - 5)};
    m_read += 4 + length;
    // Drop what was read once it is most of the buffer, so that appends stay cheap.
    if (m_read > (1 << 16) && m_read * 2 > m_data.size()) {
        m_data.remove(0, m_read);
        m_read = 0;
    }
    return frame;
}

}  // namespace tessera::workers
