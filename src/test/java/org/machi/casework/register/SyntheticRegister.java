package org.machi.casework.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic resident register extract in the import's CSV format: fictional people in
 * households at Atsugi addresses (the real towns and postcodes of {@code procedures/postcodes.csv},
 * in the districts of {@code city/atsugi.yml}; which town lies in which 地区 is approximate). The
 * same arguments always give the same file (a fixed seed and a fixed reference date), so the file
 * shipped in {@code src/main/resources/casework/register/} can be checked against it.
 * <p>
 * Every name is an everyday Japanese family and given name picked at random, so any likeness to
 * a real person is chance; register numbers begin with 9 and household numbers with 8, which the
 * city's own numbering does not use, and the file says it is synthetic in its first line.
 * <p>
 * Run it alone (it needs only the JDK):
 * {@code java src/test/java/org/machi/casework/register/SyntheticRegister.java --households 2000 --out file.csv}
 * or {@code --people 223000} for the bench.
 */
public final class SyntheticRegister {

    static final String POSTCODES = "src/main/resources/procedures/postcodes.csv";
    static final String SHIPPED = "src/main/resources/casework/register/synthetic-register.csv";
    static final int SHIPPED_HOUSEHOLDS = 2000;
    static final LocalDate REFERENCE = LocalDate.of(2026, 4, 1);

    /** Towns by district (approximate), as postcodes.csv names them. */
    private static final Map<String, String> DISTRICT_OF = Map.ofEntries(
            Map.entry("東町", "atsugi-kita"), Map.entry("元町", "atsugi-kita"), Map.entry("寿町", "atsugi-kita"),
            Map.entry("水引", "atsugi-kita"), Map.entry("松枝", "atsugi-kita"), Map.entry("吾妻町", "atsugi-kita"),
            Map.entry("厚木", "atsugi-kita"), Map.entry("厚木町", "atsugi-kita"),
            Map.entry("幸町", "atsugi-minami"), Map.entry("泉町", "atsugi-minami"), Map.entry("旭町", "atsugi-minami"),
            Map.entry("南町", "atsugi-minami"), Map.entry("田村町", "atsugi-minami"), Map.entry("栄町", "atsugi-minami"),
            Map.entry("中町", "atsugi-minami"),
            Map.entry("上依知", "echi-kita"), Map.entry("猿ケ島", "echi-kita"), Map.entry("山際", "echi-kita"),
            Map.entry("関口", "echi-minami"), Map.entry("中依知", "echi-minami"), Map.entry("下依知", "echi-minami"),
            Map.entry("金田", "echi-minami"),
            Map.entry("三田", "mutsuai-kita"), Map.entry("三田南", "mutsuai-kita"), Map.entry("及川", "mutsuai-kita"),
            Map.entry("妻田", "mutsuai-minami"), Map.entry("妻田北", "mutsuai-minami"), Map.entry("妻田東", "mutsuai-minami"),
            Map.entry("妻田南", "mutsuai-minami"), Map.entry("妻田西", "mutsuai-minami"), Map.entry("林", "mutsuai-minami"),
            Map.entry("王子", "mutsuai-minami"),
            Map.entry("下川入", "mutsuai-nishi"), Map.entry("棚沢", "mutsuai-nishi"),
            Map.entry("上荻野", "ogino"), Map.entry("中荻野", "ogino"), Map.entry("下荻野", "ogino"), Map.entry("鳶尾", "ogino"),
            Map.entry("まつかげ台", "ogino"), Map.entry("みはる野", "ogino"),
            Map.entry("飯山", "koayu"), Map.entry("飯山南", "koayu"), Map.entry("上古沢", "koayu"), Map.entry("下古沢", "koayu"),
            Map.entry("宮の里", "koayu"),
            Map.entry("恩名", "minami-mori"), Map.entry("温水", "minami-mori"), Map.entry("温水西", "minami-mori"),
            Map.entry("愛甲", "minami-mori"), Map.entry("船子", "minami-mori"), Map.entry("長谷", "minami-mori"),
            Map.entry("毛利台", "minami-mori-minami"), Map.entry("愛名", "minami-mori-minami"), Map.entry("愛甲東", "minami-mori-minami"),
            Map.entry("愛甲西", "minami-mori-minami"),
            Map.entry("七沢", "tamagawa"), Map.entry("小野", "tamagawa"), Map.entry("岡津古久", "tamagawa"),
            Map.entry("岡田", "aikawa"), Map.entry("酒井", "aikawa"), Map.entry("戸田", "aikawa"), Map.entry("長沼", "aikawa"),
            Map.entry("上落合", "aikawa"), Map.entry("下津古久", "aikawa"),
            Map.entry("緑ケ丘", "midorigaoka"), Map.entry("戸室", "midorigaoka"),
            Map.entry("森の里", "morinosato"), Map.entry("森の里青山", "morinosato"), Map.entry("森の里若宮", "morinosato"),
            Map.entry("森の里紅葉台", "morinosato"));

    /** Towns laid out in 丁目 (a line of 1–5 丁目, then 番-号); the others take a 番地 of their own. */
    private static final List<String> CHOME = List.of("東町", "元町", "寿町", "松枝", "吾妻町", "厚木町", "幸町", "泉町", "旭町",
            "南町", "田村町", "栄町", "中町", "妻田北", "妻田東", "妻田南", "妻田西", "王子", "緑ケ丘", "毛利台", "森の里",
            "森の里青山", "森の里若宮", "森の里紅葉台", "愛甲東", "愛甲西", "温水西", "まつかげ台", "みはる野", "三田南", "飯山南", "鳶尾");

    private static final String[][] FAMILY = {
            {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"}, {"渡辺", "ワタナベ"},
            {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"}, {"吉田", "ヨシダ"}, {"山田", "ヤマダ"},
            {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"}, {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"},
            {"斎藤", "サイトウ"}, {"清水", "シミズ"}, {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"},
            {"阿部", "アベ"}, {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"石井", "イシイ"}, {"小川", "オガワ"},
            {"前田", "マエダ"}, {"岡田", "オカダ"}, {"長谷川", "ハセガワ"}, {"藤田", "フジタ"}, {"後藤", "ゴトウ"}, {"近藤", "コンドウ"},
            {"村上", "ムラカミ"}, {"遠藤", "エンドウ"}, {"青木", "アオキ"}, {"坂本", "サカモト"}, {"斉藤", "サイトウ"}, {"福田", "フクダ"},
            {"太田", "オオタ"}, {"西村", "ニシムラ"}, {"藤井", "フジイ"}, {"金子", "カネコ"}, {"岡本", "オカモト"}, {"藤原", "フジワラ"},
            {"中野", "ナカノ"}, {"三浦", "ミウラ"}, {"原田", "ハラダ"}, {"中川", "ナカガワ"}, {"松田", "マツダ"}, {"竹内", "タケウチ"},
            {"小野", "オノ"}, {"田村", "タムラ"}, {"中山", "ナカヤマ"}, {"和田", "ワダ"}, {"石田", "イシダ"}, {"森田", "モリタ"},
            {"上田", "ウエダ"}, {"原", "ハラ"}, {"柴田", "シバタ"}, {"酒井", "サカイ"}, {"工藤", "クドウ"}, {"横山", "ヨコヤマ"},
            {"宮崎", "ミヤザキ"}, {"宮本", "ミヤモト"}, {"内田", "ウチダ"}, {"高木", "タカギ"}, {"安藤", "アンドウ"}, {"谷口", "タニグチ"},
            {"大野", "オオノ"}, {"丸山", "マルヤマ"}, {"今井", "イマイ"}, {"高田", "タカダ"}, {"藤本", "フジモト"}, {"武田", "タケダ"},
            {"村田", "ムラタ"}, {"上野", "ウエノ"}, {"杉山", "スギヤマ"}, {"増田", "マスダ"}, {"小山", "コヤマ"}, {"大塚", "オオツカ"},
            {"平野", "ヒラノ"}, {"菅原", "スガワラ"}, {"久保", "クボ"}, {"松井", "マツイ"}, {"千葉", "チバ"}, {"岩崎", "イワサキ"},
            {"桜井", "サクライ"}, {"野口", "ノグチ"}, {"松尾", "マツオ"}, {"菊地", "キクチ"}, {"木下", "キノシタ"}, {"野村", "ノムラ"},
            {"新井", "アライ"}, {"渡部", "ワタナベ"}, {"相沢", "アイザワ"}, {"小島", "コジマ"}};

    private static final String[][] MALE = {
            {"太郎", "タロウ"}, {"一郎", "イチロウ"}, {"健太", "ケンタ"}, {"翔太", "ショウタ"}, {"大輔", "ダイスケ"}, {"拓也", "タクヤ"},
            {"直樹", "ナオキ"}, {"誠", "マコト"}, {"浩", "ヒロシ"}, {"隆", "タカシ"}, {"修", "オサム"}, {"茂", "シゲル"},
            {"博", "ヒロシ"}, {"和夫", "カズオ"}, {"正男", "マサオ"}, {"清", "キヨシ"}, {"勇", "イサム"}, {"実", "ミノル"},
            {"蓮", "レン"}, {"湊", "ミナト"}, {"陽翔", "ハルト"}, {"悠真", "ユウマ"}, {"大和", "ヤマト"}, {"陸", "リク"},
            {"蒼", "アオイ"}, {"樹", "イツキ"}, {"颯太", "ソウタ"}, {"悠人", "ユウト"}, {"健一", "ケンイチ"}, {"秀樹", "ヒデキ"},
            {"達也", "タツヤ"}, {"和也", "カズヤ"}, {"智也", "トモヤ"}, {"亮", "リョウ"}, {"航", "ワタル"}, {"康介", "コウスケ"}};

    private static final String[][] FEMALE = {
            {"花子", "ハナコ"}, {"恵子", "ケイコ"}, {"幸子", "サチコ"}, {"和子", "カズコ"}, {"洋子", "ヨウコ"}, {"京子", "キョウコ"},
            {"陽子", "ヨウコ"}, {"久美子", "クミコ"}, {"由美", "ユミ"}, {"真由美", "マユミ"}, {"美穂", "ミホ"}, {"愛", "アイ"},
            {"彩", "アヤ"}, {"麻衣", "マイ"}, {"舞", "マイ"}, {"沙織", "サオリ"}, {"智子", "トモコ"}, {"裕子", "ユウコ"},
            {"陽菜", "ヒナ"}, {"結衣", "ユイ"}, {"葵", "アオイ"}, {"凛", "リン"}, {"結菜", "ユイナ"}, {"芽依", "メイ"},
            {"紬", "ツムギ"}, {"咲良", "サクラ"}, {"美咲", "ミサキ"}, {"七海", "ナナミ"}, {"春香", "ハルカ"}, {"千尋", "チヒロ"},
            {"直美", "ナオミ"}, {"明美", "アケミ"}, {"節子", "セツコ"}, {"典子", "ノリコ"}, {"静香", "シズカ"}, {"真理", "マリ"}};

    private static final String[] BUILDINGS = {"メゾンさくら", "コーポ相模", "ハイツ若葉", "グリーンヒル", "パークサイド厚木",
            "リバーコート", "ヴィラ中津川", "サンライズ", "ソレイユ", "フォレスト森の里"};

    /** One town of postcodes.csv. */
    record Town(String postcode, String name, String district) {
    }

    private final Random random = new Random(13);
    private final List<Town> towns;
    private final List<String[]> rows = new ArrayList<>();
    private int nextPerson = 1;
    private int nextHousehold = 1;

    SyntheticRegister(List<Town> towns) {
        this.towns = towns;
    }

    /** The towns (kind town) of postcodes.csv, with their districts. */
    static List<Town> towns(Path postcodes) {
        try {
            List<Town> towns = new ArrayList<>();
            for (String line : Files.readAllLines(postcodes, StandardCharsets.UTF_8)) {
                String[] cells = line.split(",", -1);
                if (line.startsWith("#") || cells.length != 5 || !cells[4].equals("town")) {
                    continue;
                }
                String district = !cells[3].isEmpty() ? cells[3] : DISTRICT_OF.get(cells[1]);
                if (district == null) {
                    throw new IllegalStateException("no district for town " + cells[1]);
                }
                towns.add(new Town(cells[0], cells[1], district));
            }
            return towns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Households until there are this many households, or this many people (whichever is given; the other 0). */
    List<String[]> generate(int households, int people) {
        while (households > 0 ? nextHousehold <= households : rows.size() < people) {
            household();
        }
        if (people > 0) {
            while (rows.size() > people) {
                // cut the last household whole, then top up with single-person households
                String last = rows.get(rows.size() - 1)[1];
                rows.removeIf(r -> r[1].equals(last));
                nextHousehold--;
                while (rows.size() < people) {
                    single(address(), randomSurname(), REFERENCE.getYear() - 20 - random.nextInt(60));
                }
            }
        }
        proxies();
        return rows;
    }

    private void household() {
        String[] address = address();
        String[] family = randomSurname();
        int kind = random.nextInt(100);
        int headBorn = REFERENCE.getYear() - 20 - random.nextInt(66);
        if (kind < 32) {
            single(address, family, headBorn);
            return;
        }
        String household = household(nextHousehold++);
        boolean womanHeads = random.nextInt(100) < 12;
        String headSex = womanHeads ? "F" : "M";
        person(household, family, headSex, born(headBorn), address, "世帯主", true);
        if (kind < 90) {
            // a couple, with children from the third kind on
            String spouseSex = womanHeads ? "M" : "F";
            person(household, family, spouseSex, born(headBorn + random.nextInt(7) - 3), address, womanHeads ? "夫" : "妻", false);
        }
        if (kind >= 55) {
            int children = 1 + random.nextInt(3);
            int firstBorn = Math.min(REFERENCE.getYear() - 1, headBorn + 25 + random.nextInt(10));
            for (int i = 0; i < children && firstBorn + 2 * i <= REFERENCE.getYear(); i++) {
                person(household, family, random.nextBoolean() ? "M" : "F", born(firstBorn + 2 * i + random.nextInt(2)), address, "子", false);
            }
        }
        if (kind >= 93 && headBorn >= 1960) {
            // three generations: a parent of the head
            person(household, family, random.nextBoolean() ? "M" : "F", born(Math.max(1930, headBorn - 27 - random.nextInt(6))), address,
                    random.nextBoolean() ? "父" : "母", false);
        }
    }

    private void single(String[] address, String[] family, int born) {
        String household = household(nextHousehold++);
        person(household, family, random.nextBoolean() ? "M" : "F", born(born), address, "世帯主", true);
    }

    /** About one household in thirty names a registered proxy (代理人) from another household, often an elderly person's child. */
    private void proxies() {
        List<String> households = rows.stream().map(r -> r[1]).distinct().toList();
        int count = households.size() / 30;
        for (int i = 0; i < count; i++) {
            String household = households.get(random.nextInt(households.size()));
            String[] proxy = rows.get(random.nextInt(rows.size()));
            if (proxy[1].equals(household) || !proxy[13].isEmpty() || LocalDate.parse(proxy[6]).isAfter(REFERENCE.minusYears(20))) {
                continue;
            }
            proxy[13] = household;
        }
    }

    private void person(String household, String[] family, String sex, LocalDate birthDate, String[] address, String relationship, boolean head) {
        String[] given = sex.equals("M") ? MALE[random.nextInt(MALE.length)] : FEMALE[random.nextInt(FEMALE.length)];
        String number = "9" + String.format("%09d", nextPerson++);
        rows.add(new String[] {number, household, family[0], given[0], family[1], given[1], birthDate.toString(), sex, address[0],
                address[1], address[2], relationship, head ? "1" : "0", ""});
    }

    private static String household(int n) {
        return "8" + String.format("%09d", n);
    }

    private String[] randomSurname() {
        return FAMILY[random.nextInt(FAMILY.length)];
    }

    private LocalDate born(int year) {
        int clamped = Math.min(REFERENCE.getYear() - 1, Math.max(1925, year));
        return LocalDate.of(clamped, 1, 1).plusDays(random.nextInt(365));
    }

    /** A postcode, an address line and a district. */
    private String[] address() {
        Town town = towns.get(random.nextInt(towns.size()));
        String line;
        if (CHOME.contains(town.name())) {
            line = town.name() + (1 + random.nextInt(4)) + "-" + (1 + random.nextInt(28)) + "-" + (1 + random.nextInt(30));
        } else {
            line = town.name() + (1 + random.nextInt(3200)) + (random.nextInt(3) == 0 ? "-" + (1 + random.nextInt(12)) : "");
        }
        if (random.nextInt(4) == 0) {
            line += " " + BUILDINGS[random.nextInt(BUILDINGS.length)] + (1 + random.nextInt(4)) + "0" + (1 + random.nextInt(8));
        }
        return new String[] {town.postcode(), line, town.district()};
    }

    /** The file: a comment saying what it is, the header, the rows. */
    static void write(List<String[]> rows, Writer out) throws IOException {
        out.write("# 架空の住民基本台帳（Machi の組み込み版の見本）。実在の人物・世帯ではありません。"
                + " Synthetic register of fictional people, written by SyntheticRegister (src/test/java); not real residents.\n");
        out.write(String.join(",", ExtractFormatColumns.COLUMNS) + "\n");
        for (String[] row : rows) {
            out.write(String.join(",", row) + "\n");
        }
    }

    public static void main(String[] args) throws IOException {
        int households = 0;
        int people = 0;
        Path out = Path.of(SHIPPED);
        Path postcodes = Path.of(POSTCODES);
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--households" -> households = Integer.parseInt(args[i + 1]);
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--postcodes" -> postcodes = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (households == 0 && people == 0) {
            households = SHIPPED_HOUSEHOLDS;
        }
        List<String[]> rows = new SyntheticRegister(towns(postcodes)).generate(households, people);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(rows, writer);
        }
        System.out.println(out + ": " + rows.size() + " people in " + rows.stream().map(r -> r[1]).distinct().count() + " households");
    }

    /** The columns, repeated here so that the generator runs alone; a test checks they are the import's. */
    static final class ExtractFormatColumns {
        static final List<String> COLUMNS = List.of("register_number", "household_number", "family_name", "given_name",
                "family_name_kana", "given_name_kana", "birth_date", "sex", "postcode", "address_line", "district",
                "relationship", "head", "proxy_for");
    }
}
