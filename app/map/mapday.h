// SPDX-License-Identifier: MIT
#pragma once

#include "map/controlpalette.h"
#include "query/territory.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

class ItemScene;

//! What the map draws of one day, whichever renderer draws it: the districts (display geometry), their control
//! on the day (a Territory) and its colours. Which renderer draws it is decided here, once per set of
//! districts: one Qt Location item per district up to kItemLimit districts (labels, hatching, outlines), the
//! batched DistrictLayer beyond (docs/performance.md has the comparison), unless one was asked for. Its owner
//! (the viewer's DayState) sets the districts and says when the day moved; the renderers listen.
class MapDay : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState")
    //! The item renderer's models; null when the batched layer draws the districts.
    Q_PROPERTY(ItemScene *items READ items NOTIFY districtsChanged)

public:
    enum class Renderer { Automatic, Items, Batched };
    static constexpr std::size_t kItemLimit = 3000;

    explicit MapDay(Renderer requested, QObject *parent = nullptr);
    ~MapDay() override;

    //! The renderer for this many districts: the one asked for, or by size.
    [[nodiscard]] Renderer rendererFor(std::size_t districts) const;
    //! New districts, and their territory (both outlive this until the next call), drawn by rendererFor() their count.
    void setDistricts(
        const std::vector<frontline::District> &districts, const frontline::Territory &territory, ControlPalette palette);
    //! The territory moved to another day; `changedHands` (by slot) are the districts that changed hands on it.
    void setMoved(std::vector<bool> changedHands);

    [[nodiscard]] ItemScene *items() const { return m_items.get(); }
    [[nodiscard]] bool hasDistricts() const { return m_territory != nullptr; }
    [[nodiscard]] const std::vector<frontline::District> &districts() const { return *m_districts; }
    [[nodiscard]] const frontline::Territory &territory() const { return *m_territory; }
    [[nodiscard]] const ControlPalette &palette() const { return m_palette; }
    [[nodiscard]] const std::vector<bool> &changedHands() const { return m_changedHands; }

signals:
    //! New districts: what is drawn from them must be made again.
    void districtsChanged();
    //! The day moved: colours, stripes and the front line change.
    void moved();

private:
    Renderer m_requested;
    const std::vector<frontline::District> *m_districts = nullptr;
    const frontline::Territory *m_territory = nullptr;
    ControlPalette m_palette;
    std::vector<bool> m_changedHands;
    std::unique_ptr<ItemScene> m_items;
};
