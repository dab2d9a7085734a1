package io.shelfwise.price;

import io.shelfwise.text.PriceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceHistoryFileTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void badRowsAreCountedByReasonAndNeverTeachAPrice() throws IOException {
        PriceHistory h = PriceHistoryFile.read(write(PriceFixtures.HEADER
                + "1,100A,RED MUG,2,2.50,1,UK\n"
                + "1,100A,RED MUG,2,2.50,1,UK\n"            // duplicate
                + "C2,100A,RED MUG,-2,2.50,1,UK\n"          // cancellation
                + "3,100A,RED MUG,-1,2.50,1,UK\n"           // return
                + "4,100A,RED MUG,1,0,1,UK\n"               // free
                + "5,100A,RED MUG,1,-11062.06,,UK\n"        // bad debt
                + "6,100A,RED MUG,one,2.5,1,UK\n"           // not a number
                + "7,,RED MUG,1,2.5,1,UK\n"                 // no stock code: unreadable
                + "7,POST,POSTAGE,1,18.00,1,UK\n"           // a fee: priced too
                + "8,200,,3,4.00,,UK\n"                     // no description: kept
                + "9,300,Crème brûlée DISH 日本,1,3.00,,UK\n"  // non-ASCII: kept
                + "10,400\n"));                              // short row
        assertThat(h.rejected()).containsEntry(PriceHistory.Rejection.DUPLICATE, 1)
                .containsEntry(PriceHistory.Rejection.CANCELLATION, 1)
                .containsEntry(PriceHistory.Rejection.NON_POSITIVE_QUANTITY, 1)
                .containsEntry(PriceHistory.Rejection.NON_POSITIVE_PRICE, 2)
                .containsEntry(PriceHistory.Rejection.MALFORMED, 3)
                .containsEntry(PriceHistory.Rejection.NO_PRODUCT, 0);
        assertThat(h.rejectedTotal()).isEqualTo(8);
        assertThat(h.pricedProducts()).extracting(p -> p.listing().id()).containsExactly("100A", "200", "300", "POST");
        assertThat(h.pricedProducts()).allSatisfy(p -> assertThat(p.typicalPrice()).isPositive());
        assertThat(h.products().get("200").text()).isEmpty();
        assertThat(PriceText.words(h.products().get("300").text())).containsExactly("creme", "brulee", "dish", "日本");
    }

    @Test
    void typicalPriceIsTheMedianOfValidRows() throws IOException {
        PriceHistory h = PriceHistoryFile.read(write(PriceFixtures.HEADER
                + "1,100,MUG,1,1.00,,UK\n2,100,MUG,1,2.00,,UK\n3,100,MUG,1,10.00,,UK\n4,100,MUG,1,3.00,,UK\n"));
        assertThat(h.pricedProducts().get(0).typicalPrice()).isEqualTo(2.5);
    }

    @Test
    void missingColumnIsAClearError() throws IOException {
        Path file = write("InvoiceNo,StockCode,Description,Quantity\n1,100,MUG,1\n");
        assertThatThrownBy(() -> PriceHistoryFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column UnitPrice");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedNotFatal() throws IOException {
        byte[] head = (PriceFixtures.HEADER + "1,100,CAF").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " MUG,1,2.00,,UK\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC9; // Latin-1 E acute
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Path file = dir.resolve("latin1.csv");
        Files.write(file, all);
        PriceHistory h = PriceHistoryFile.read(file);
        assertThat(h.pricedProducts()).hasSize(1);
        assertThat(PriceText.words(h.products().get("100").text())).contains("caf", "mug");
    }
}
