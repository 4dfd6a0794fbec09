// SPDX-License-Identifier: MIT
#include "map/mapday.h"

#include "map/itemscene.h"

using namespace frontline;

MapDay::MapDay(Renderer requested, QObject *parent) : QObject(parent), m_requested(requested)
{
}

MapDay::~MapDay() = default;

MapDay::Renderer MapDay::rendererFor(std::size_t districts) const
{
    if (m_requested != Renderer::Automatic)
        return m_requested;
    return districts > kItemLimit ? Renderer::Batched : Renderer::Items;
}

void MapDay::setDistricts(const std::vector<District> &districts, const Territory &territory, ControlPalette palette)
{
    m_districts = &districts;
    m_territory = &territory;
    m_palette = std::move(palette);
    m_changedHands.assign(territory.controls().size(), false);
    if (rendererFor(districts.size()) == Renderer::Items) {
        if (!m_items)
            m_items = std::make_unique<ItemScene>(*this);
        m_items->rebuild();
    } else {
        m_items.reset();
    }
    emit districtsChanged();
}

void MapDay::setMoved(std::vector<bool> changedHands)
{
    m_changedHands = std::move(changedHands);
    if (m_items)
        m_items->redraw();
    emit moved();
}
