// SPDX-License-Identifier: GPL-3.0-or-later
#include "crashreport.h"

#include <tessera/host/poolthreads.h>

#include <execinfo.h>
#include <unistd.h>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace tessera::workers {

namespace {

constexpr int kFatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

void write(const char* text) {
    // Only async-signal-safe calls from here on.
    [[maybe_unused]] auto written = ::write(STDERR_FILENO, text, std::strlen(text));
}

void onFatal(int signal) {
    write("tessera worker: fatal signal SIG");
    write(sigabbrev_np(signal) ? sigabbrev_np(signal) : "?");
    write("; backtrace:\n");
    // The innermost frames, few enough that the host's last lines keep this report whole
    // (a stack overflow repeats one frame all the way down).
    void* frames[32];
    const int count = backtrace(frames, 32);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    std::signal(signal, SIG_DFL);
    raise(signal);
}

/// A pool thread's own alternate signal stack, given back when the thread ends.
struct ThreadAltStack {
    std::vector<char> memory = std::vector<char>(1 << 16);
    ThreadAltStack() {
        stack_t stack{};
        stack.ss_sp = memory.data();
        stack.ss_size = memory.size();
        sigaltstack(&stack, nullptr);
    }
    ~ThreadAltStack() {
        stack_t off{};
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, nullptr);
    }
};

void giveThreadAltStack() {
    thread_local ThreadAltStack stack;
}

}  // namespace

void installCrashReport() {
    // backtrace() loads libgcc on first use, which is not safe in a handler: load it now.
    void* warmUp[1];
    backtrace(warmUp, 1);
    static char altStack[1 << 16];
    stack_t stack{};
    stack.ss_sp = altStack;
    stack.ss_size = sizeof altStack;
    sigaltstack(&stack, nullptr);
    struct sigaction action {};
    action.sa_handler = onFatal;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int signal : kFatal) sigaction(signal, &action, nullptr);
    // Runs are on the pools' threads: each gets its own, as the main thread has.
    setPoolThreadSetup(giveThreadAltStack);
}

}  // namespace tessera::workers
