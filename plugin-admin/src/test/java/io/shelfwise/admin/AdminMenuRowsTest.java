package io.shelfwise.admin;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdminMenuRowsTest {

    @Test
    void everyCrossReferenceNamesARowOfTheScriptOrOfBroadleafsOwnRoles() {
        List<AdminMenuRows.Row> rows = AdminMenuRows.rows();
        Set<String> defined = new HashSet<>();
        for (AdminMenuRows.Row row : rows) {
            if (!row.isCrossReference()) {
                assertThat(defined.add(row.table + ":" + row.values.get(0))).as("unique id " + row.sql).isTrue();
                assertThat(Long.parseLong(row.values.get(0))).as("id below -9000: " + row.sql).isLessThan(-9000);
            }
        }
        for (AdminMenuRows.Row row : rows) {
            if (row.isCrossReference()) {
                assertThat(row.values).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    String ref = row.reference(i);
                    // ROLE_ADMIN (-1) is Broadleaf's own
                    assertThat(defined.contains(ref) || ref.equals("BLC_ADMIN_ROLE:-1")).as(row.sql).isTrue();
                }
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.sql).contains("'PERMISSION_READ_SHELFWISE'"));
        assertThat(rows).anySatisfy(r -> assertThat(r.sql).contains("'/shelfwise/models'"));
    }
}
