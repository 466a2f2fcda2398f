#pragma once

#include <QLabel>

namespace Cw {

// A label that holds a URL (or another text that must not break): one line, the full width it is given,
// elided in the middle when narrower than the text, the full text in its tooltip and for screen readers,
// selectable with the mouse. Its minimum width is small, so a long URL never widens a window.
class UrlLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UrlLabel)

public:
    explicit UrlLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    QString fullText() const { return m_full; }
    bool isElided() const { return QLabel::text() != m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_full;
};

} // namespace Cw
