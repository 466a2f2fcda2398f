#include "ui/common/UrlLabel.h"

#include <QResizeEvent>

namespace Cw {

UrlLabel::UrlLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(false);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void UrlLabel::setFullText(const QString& text)
{
    m_full = text;
    setAccessibleName(text);
    elide();
    updateGeometry();
}

QSize UrlLabel::minimumSizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 8, QLabel::minimumSizeHint().height());
}

QSize UrlLabel::sizeHint() const
{
    const int extra = 2 * (frameWidth() + margin());
    return QSize(fontMetrics().horizontalAdvance(m_full) + extra, QLabel::sizeHint().height());
}

void UrlLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void UrlLabel::elide()
{
    const int width = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().horizontalAdvance(m_full) <= width || width <= 0
        ? m_full
        : fontMetrics().elidedText(m_full, Qt::ElideMiddle, width);
    QLabel::setText(shown);
    setToolTip(shown == m_full ? QString() : m_full);
}

} // namespace Cw
