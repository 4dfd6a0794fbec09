// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The dataset's consistency checks: errors and warnings by date; click one to go to its day and district.
Pane {
    id: root

    required property Dataset dataset
    required property DayState day
    required property Selection selection
    required property AuditModel audit

    signal closed()
    signal districtChosen(string districtId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: root.audit.running ? qsTr("Auditing the dataset…")
                    : root.audit.failure !== "" ? qsTr("The audit failed: %1").arg(root.audit.failure)
                    : qsTr("Audit: %L1 errors, %L2 warnings").arg(root.audit.errors).arg(root.audit.count - root.audit.errors)
                font { pixelSize: 18; bold: true }
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            ToolButton {
                text: qsTr("Run again")
                enabled: !root.audit.running
                onClicked: root.audit.run()
            }
            ToolButton { text: "✕"; onClicked: root.closed() }
        }
        Label {
            visible: !root.audit.running && root.audit.count === 0 && root.audit.failure === ""
            Layout.fillWidth: true
            text: qsTr("Every change cites a source that does not only dispute it, no district changes hands twice in a day, none is left enclosed without a report, and every reported share is within reach.")
            wrapMode: Text.Wrap
            color: "#555"
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.audit
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: finding

                required property string severity
                required property string check
                required property string date
                required property int day
                required property string districtId
                required property string name
                required property string detail

                width: ListView.view.width
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        spacing: 6
                        Label {
                            text: finding.severity
                            color: "white"
                            font { pixelSize: 12; bold: true }
                            leftPadding: 6; rightPadding: 6; topPadding: 1; bottomPadding: 1
                            background: Rectangle { color: MapStyle.severity(finding.severity); radius: 8 }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: "%1 · %2%3".arg(finding.date).arg(finding.check).arg(finding.name !== "" ? " · " + finding.name : "")
                            font.bold: true
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: finding.detail
                        color: "#444"
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                    }
                }
                onClicked: {
                    root.day.day = finding.day
                    if (finding.districtId !== "") {
                        root.selection.select(finding.districtId)
                        root.districtChosen(finding.districtId)
                    }
                }
            }
        }
    }
}
