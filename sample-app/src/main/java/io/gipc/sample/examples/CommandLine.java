package io.gipc.sample.examples;

/** The options after an example's name: {@code --name value} or {@code --name=value}. */
final class CommandLine {

    private final String[] args;

    CommandLine(String[] args) {
        this.args = args;
    }

    /**
     * Returns an integer option, rejecting any other option.
     *
     * @param name the option's name without dashes
     * @param fallback its value when absent
     * @param min its smallest allowed value
     * @return the value
     * @throws IllegalArgumentException when an option is unknown, or the value is missing, not a number or too small
     */
    int intOption(String name, int fallback, int min) {
        int value = fallback;
        for (int i = 1; i < this.args.length; i++) {
            String arg = this.args[i];
            String text;
            if (arg.equals("--" + name) && i + 1 < this.args.length) {
                text = this.args[++i];
            } else if (arg.startsWith("--" + name + "=")) {
                text = arg.substring(name.length() + 3);
            } else {
                throw new IllegalArgumentException(this.args[0] + ": unexpected argument '" + arg + "'");
            }
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        this.args[0] + ": --" + name + " needs a number, got '" + text + "'");
            }
            if (value < min) {
                throw new IllegalArgumentException(this.args[0] + ": --" + name + " must be at least " + min);
            }
        }
        return value;
    }
}
