// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Records a change of the selected districts, corrects a change, or adds evidence to one: the form of each, saved
// as one edit by the desk. A refusal is shown in the form, which stays open with what was typed.
Dialog {
    id: root

    required property RecordDesk desk
    required property DayState day
    property string mode: "record" // record | correct | cite
    property var districts: [] // ids, for a recording
    property string changeId // for a correction or a citation
    readonly property var factionList: desk.factions()
    readonly property bool contested: stateBox.currentIndex === 1

    objectName: "recordDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 40 : 560)
    title: mode === "record" ? qsTr("Record a change: %1").arg(districtNames)
         : mode === "correct" ? qsTr("Correct change %1").arg(changeId) : qsTr("Add evidence to change %1").arg(changeId)
    property string districtNames

    function openToRecord(ids, names) {
        mode = "record"
        districts = ids
        districtNames = names
        clearForm()
        dateField.text = day.dateText
        open()
    }
    function openToCorrect(id, date) {
        mode = "correct"
        changeId = id
        clearForm()
        dateField.text = date
        open()
    }
    function openToCite(id) {
        mode = "cite"
        changeId = id
        clearForm()
        open()
    }
    function clearForm() {
        error.text = ""
        note.text = ""
        quote.text = ""
        sourceSearch.text = ""
        pickedSource.chosen = ""
        for (const field of [publisher, sourceAuthor, sourceTitle, url, archivedUrl, published])
            field.text = ""
    }
    function evidence() {
        return { sourceId: newSource.checked ? "" : pickedSource.chosen, publisher: publisher.text, sourceAuthor: sourceAuthor.text,
                 title: sourceTitle.text, url: url.text, archivedUrl: archivedUrl.text, published: published.text,
                 kind: kindBox.currentIndex === 0 ? "quote" : "note", text: quote.text,
                 stance: ["supports", "disputes", "context", "infers"][stanceBox.currentIndex] }
    }
    function holding() {
        const sides = [root.factionList[holder.currentIndex].id]
        if (root.contested)
            sides.push(root.factionList[otherSide.currentIndex].id)
        return { state: root.contested ? "contested" : "held", factions: sides,
                 confidence: ["high", "medium", "low"][confidenceBox.currentIndex] }
    }
    function save() {
        let result
        if (mode === "cite") {
            result = desk.cite(changeId, evidence())
        } else if (mode === "correct") {
            const form = holding()
            form.date = dateField.text
            if (note.text !== "")
                form.note = note.text
            result = desk.correct(changeId, form)
        } else {
            const form = holding()
            form.districts = districts
            form.date = dateField.text
            form.note = note.text
            if (quote.text !== "" || pickedSource.chosen !== "" || publisher.text !== "")
                form.evidence = evidence()
            result = desk.record(form)
        }
        error.text = result
        if (result === "")
            close()
    }

    footer: DialogButtonBox { // Save applies, and closes only once saved: a refusal keeps the form open
        Button {
            objectName: "saveButton"
            text: qsTr("Save")
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
            onClicked: root.save()
        }
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
    }

    ScrollView {
        anchors.fill: parent
        implicitHeight: Math.min(form.implicitHeight, 620)
        contentWidth: availableWidth

        ColumnLayout {
            id: form
            width: parent.width
            spacing: 6

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                visible: root.mode !== "cite"

                Label { text: qsTr("Date") }
                TextField { id: dateField; objectName: "dateField"; Layout.fillWidth: true; placeholderText: "YYYY-MM-DD" }
                Label { text: qsTr("State") }
                ComboBox { id: stateBox; objectName: "stateBox"; Layout.fillWidth: true; model: [qsTr("held"), qsTr("contested")] }
                Label { text: root.contested ? qsTr("Sides") : qsTr("Holder") }
                RowLayout {
                    Layout.fillWidth: true
                    ComboBox {
                        id: holder
                        objectName: "holderBox"
                        Layout.fillWidth: true
                        model: root.factionList
                        textRole: "name"
                    }
                    ComboBox {
                        id: otherSide
                        Layout.fillWidth: true
                        visible: root.contested
                        model: root.factionList
                        textRole: "name"
                        currentIndex: Math.min(1, count - 1)
                    }
                }
                Label { text: qsTr("Confidence") }
                ComboBox { id: confidenceBox; Layout.fillWidth: true; model: [qsTr("high"), qsTr("medium"), qsTr("low")]; currentIndex: 1 }
                Label { text: qsTr("Note") }
                TextField { id: note; Layout.fillWidth: true; placeholderText: qsTr("on the change itself (optional)") }
            }

            GroupBox {
                Layout.fillWidth: true
                visible: root.mode !== "correct"
                title: root.mode === "record" ? qsTr("Evidence (optional)") : qsTr("Evidence")

                ColumnLayout {
                    width: parent.width
                    RowLayout {
                        RadioButton { id: knownSource; text: qsTr("A source in the file"); checked: true }
                        RadioButton { id: newSource; objectName: "newSource"; text: qsTr("A new source") }
                    }
                    TextField {
                        id: sourceSearch
                        Layout.fillWidth: true
                        visible: knownSource.checked
                        placeholderText: qsTr("type a publisher, title or id")
                    }
                    ListView {
                        id: pickedSource
                        property string chosen
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.min(contentHeight, 110)
                        visible: knownSource.checked && sourceSearch.text !== ""
                        clip: true
                        model: sourceSearch.text === "" ? [] : root.desk.findSources(sourceSearch.text)
                        delegate: ItemDelegate {
                            required property var modelData
                            width: ListView.view.width
                            text: modelData.label
                            highlighted: pickedSource.chosen === modelData.id
                            onClicked: pickedSource.chosen = modelData.id
                        }
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        visible: newSource.checked
                        Label { text: qsTr("Publisher") }
                        TextField { id: publisher; objectName: "publisherField"; Layout.fillWidth: true }
                        Label { text: qsTr("Author") }
                        TextField { id: sourceAuthor; Layout.fillWidth: true }
                        Label { text: qsTr("Title") }
                        TextField { id: sourceTitle; Layout.fillWidth: true }
                        Label { text: qsTr("URL") }
                        TextField { id: url; objectName: "urlField"; Layout.fillWidth: true; placeholderText: "https://…" }
                        Label { text: qsTr("Archived copy") }
                        TextField { id: archivedUrl; Layout.fillWidth: true; placeholderText: "https://web.archive.org/…" }
                        Label { text: qsTr("Published") }
                        TextField { id: published; Layout.fillWidth: true; placeholderText: "YYYY-MM-DD" }
                    }
                    RowLayout {
                        ComboBox { id: kindBox; model: [qsTr("Quote"), qsTr("Analyst's note")] }
                        ComboBox {
                            id: stanceBox
                            Layout.fillWidth: true
                            model: [qsTr("supports the change"), qsTr("disputes it"), qsTr("context"), qsTr("the basis of an inference")]
                        }
                    }
                    TextArea {
                        id: quote
                        objectName: "quoteField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 70
                        wrapMode: TextEdit.Wrap
                        placeholderText: kindBox.currentIndex === 0 ? qsTr("what the source says, in its words") : qsTr("your note on the source")
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Signed %1; saved as a draft until a colleague verifies it.").arg(root.desk.author)
                color: "#555"
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            Label {
                id: error
                objectName: "errorLabel"
                Layout.fillWidth: true
                visible: text !== ""
                color: "#b00020"
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
        }
    }
}
