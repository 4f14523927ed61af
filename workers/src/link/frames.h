// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace tessera::workers {

/// One frame of the link between the host and a worker, on a local socket: a u32
/// little-endian length of what follows, a u32 session number, a u8 kind, the payload.
/// Session 0 is the link itself. Text payloads are the bridge protocol's messages
/// (docs/protocol.md), buffer payloads its binary buffer frames.
struct Frame {
    enum class Kind : quint8 {
        Text = 0,    ///< a JSON message
        Buffer = 1,  ///< a buffer the next text messages reference
        Close = 2,   ///< the host ends the session (no payload)
    };
    quint32 session = 0;
    Kind kind = Kind::Text;
    QByteArray payload;
};

/// The largest frame either side takes: a million-point chart's column is 8 MB.
inline constexpr quint32 kMaxFrameBytes = 1u << 30;

QByteArray encodeFrame(const Frame& frame);

/// Cuts a byte stream into frames.
class FrameReader {
public:
    void append(const QByteArray& bytes) { m_data.append(bytes); }
    /// The next complete frame; nothing while it is incomplete, or when the stream is
    /// broken (then `error` says why and the link must end).
    std::optional<Frame> next(QString* error);

private:
    QByteArray m_data;
    qsizetype m_read = 0;  ///< bytes of m_data already taken
};

}  // namespace tessera::workers
