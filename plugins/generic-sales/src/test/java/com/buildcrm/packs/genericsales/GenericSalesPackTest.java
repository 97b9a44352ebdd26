package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.testkit.PackContract;
import org.junit.jupiter.api.Test;

class GenericSalesPackTest {

    @Test
    void followsThePackContract() {
        PackContract.verify(new GenericSalesPack());
    }

    @Test
    void collectsTheDocumentedKeys() {
        var keys =
                new GenericSalesPack()
                        .qualificationSchema().stream().map(QualificationField::key).toList();
        assertTrue(
                keys.containsAll(java.util.List.of("need", "budget_kzt", "timeline")),
                keys::toString);
        assertEquals("generic-sales", new GenericSalesPack().descriptor().id());
    }
}
