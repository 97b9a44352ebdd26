package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.testkit.PackContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelHousesPackTest {

    @Test
    void followsThePackContract() {
        PackContract.verify(new PanelHousesPack());
    }

    @Test
    void collectsTheDocumentedKeysWithTheirTypes() {
        var schema = new PanelHousesPack().qualificationSchema();
        var keys = schema.stream().map(QualificationField::key).toList();
        assertTrue(
                keys.containsAll(
                        List.of(
                                "length_m",
                                "width_m",
                                "height_m",
                                "foundation_closed",
                                "windows",
                                "doors",
                                "has_project")),
                keys::toString);
        assertEquals(FieldType.INTEGER, type(schema, "windows"));
        assertEquals(FieldType.BOOLEAN, type(schema, "foundation_closed"));
        assertEquals(FieldType.NUMBER, type(schema, "length_m"));
    }

    @Test
    void theContractRejectsAPackWithoutTheCoreKeys() {
        IndustryPack broken =
                new IndustryPack() {
                    @Override
                    public PackDescriptor descriptor() {
                        return new PackDescriptor("broken", "Сломанный", "Broken");
                    }

                    @Override
                    public List<QualificationField> qualificationSchema() {
                        return List.of(
                                new QualificationField(
                                        "city",
                                        FieldType.TEXT,
                                        true,
                                        "Город",
                                        "City",
                                        "Город?",
                                        "City?"));
                    }
                };
        assertThrows(AssertionError.class, () -> PackContract.verify(broken));
    }

    private static FieldType type(List<QualificationField> schema, String key) {
        return schema.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().type();
    }
}
