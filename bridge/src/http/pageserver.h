// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "access.h"
#include "httphead.h"
#include "httpresponse.h"

namespace tessera::bridge {

/// Answers the HTTP requests that are not WebSocket upgrades: the viewer page and its
/// assets, from the resources compiled into the program only (a request path is looked up
/// among those names and never reaches a file open). It decides from the head alone: a
/// request is checked for access before anything else, and a request with a body is refused
/// without its body being read.
class PageServer {
public:
    struct Answer {
        HttpResponse response;
        bool close = false;  ///< close the connection after it (the body, if any, is unread)
    };

    explicit PageServer(const Access& access) : m_access(access) {}
    Answer respond(const HttpHead& head) const;

private:
    const Access& m_access;
};

}  // namespace tessera::bridge
