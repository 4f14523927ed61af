// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace tessera::app {

class Sharing;

/// File ▸ Share…: starts or stops the window's bridge, and shows the links to give out:
/// one for a session of its own per browser, one that follows this window read-only.
class ShareDialog : public QDialog {
    Q_OBJECT
public:
    ShareDialog(Sharing& sharing, QWidget* parent = nullptr);

private:
    void startOrStop();
    void showState();

    Sharing& m_sharing;
    QRadioButton* m_thisComputer = nullptr;
    QRadioButton* m_network = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_token = nullptr;
    QCheckBox* m_tokenHere = nullptr;  ///< a token on loopback too
    QPushButton* m_startStop = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_mirrorUrl = nullptr;
    QWidget* m_links = nullptr;
};

}  // namespace tessera::app
