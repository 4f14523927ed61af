// SPDX-License-Identifier: GPL-3.0-or-later
// Buttons: a button, a form's submit button, a download button.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>

namespace tessera::widgets {

namespace {

class ButtonView : public ElementWidget {
public:
    /// `primary`: a form's submit button, in bold; Enter in its form presses it.
    explicit ButtonView(bool primary = false) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_button = new QPushButton(this);
        // Not a dialog's default button either: Enter presses only what pressFormSubmit() does.
        m_button->setAutoDefault(false);
        m_button->setProperty(kSubmitProperty, primary);
        if (primary) {
            QFont bold = m_button->font();
            bold.setBold(true);
            m_button->setFont(bold);
        }
        layout->addWidget(m_button);
        layout->addStretch();
        QObject::connect(m_button, &QPushButton::clicked, this, [this] { pressed(); });
    }

protected:
    void display(const Element& e) override {
        m_button->setText(read(e, prop::label).toString());
        m_button->setToolTip(read(e, prop::help).toString());
        m_button->setEnabled(!read(e, prop::disabled).toBool());
    }
    /// What a click does: report it to the session.
    virtual void pressed() { sendValue(true); }

    QPushButton* m_button;
};

/// A download button: asks where to save the element's bytes, writes them, and reports the
/// click like a button. A file that cannot be written says why; nothing is sent then. A
/// deferred button (its bytes made on a press) reports the click first and saves the bytes
/// that the run the click causes brings.
class DownloadButtonView : public ButtonView {
public:
    DownloadButtonView() { m_button->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton)); }

protected:
    void pressed() override {
        if (read(element(), prop::deferred).toBool()) {
            m_awaiting = true;
            ButtonView::pressed();
            return;
        }
        if (save(element().blob)) ButtonView::pressed();
    }
    void display(const Element& e) override {
        ButtonView::display(e);
        if (!m_awaiting || e.blob.isEmpty()) return;
        m_awaiting = false;
        // After the renderer has applied its ops: the dialog runs an event loop of its own.
        QTimer::singleShot(0, this, [this, bytes = e.blob] { save(bytes); });
    }

private:
    bool save(const QByteArray& bytes) {
        const QString name = read(element(), prop::fileName).toString();
        const QString file = QFileDialog::getSaveFileName(
            this, m_button->text(),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                .filePath(name));
        if (file.isEmpty()) return false;
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            QMessageBox::warning(
                this, m_button->text(),
                QStringLiteral("Could not save %1: %2").arg(file, out.errorString()));
            return false;
        }
        return true;
    }

    bool m_awaiting = false;  ///< pressed a deferred button; its bytes are on their way
};

}  // namespace

ElementWidget* createButtonView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Button:
            return new ButtonView;
        case ElementKind::FormSubmitButton:
            return new ButtonView(true);
        case ElementKind::DownloadButton:
            return new DownloadButtonView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
