package io.github.mdxai.commands.host;

import io.github.mdxai.util.InputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MacroOptionsTest {

    @Test
    void parsesPlainBracketedAndBareKeys() {
        Map<String, String> m = MacroOptions.parse("input=/a/b.csv  out=[/my folder/x] bins=40 verbose ");
        assertEquals(Map.of("input", "/a/b.csv", "out", "/my folder/x", "bins", "40", "verbose", "true"), m);
        assertEquals("[a b]", MacroOptions.quote("a b"));
        assertEquals("[]", MacroOptions.quote(""));
    }

    @Test
    void refusesUnclosedBracketAndRepeatedKey() {
        assertThrows(InputException.class, () -> MacroOptions.parse("out=[abc"));
        assertThrows(InputException.class, () -> MacroOptions.parse("a=1 a=2"));
    }
}
