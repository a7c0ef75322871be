# English words, Belgian order: an English-speaking user in Flanders reads 05/03/2026 as 5 March.
# The display formats are the Belgian ones; only the accepted input differs (no 05-03-2026).
from config.formats.nl_BE.formats import DATE_FORMAT as DATE_FORMAT
from config.formats.nl_BE.formats import DATETIME_FORMAT as DATETIME_FORMAT
from config.formats.nl_BE.formats import DATETIME_INPUT_FORMATS as DATETIME_INPUT_FORMATS
from config.formats.nl_BE.formats import FIRST_DAY_OF_WEEK as FIRST_DAY_OF_WEEK
from config.formats.nl_BE.formats import MONTH_DAY_FORMAT as MONTH_DAY_FORMAT
from config.formats.nl_BE.formats import SHORT_DATE_FORMAT as SHORT_DATE_FORMAT
from config.formats.nl_BE.formats import SHORT_DATETIME_FORMAT as SHORT_DATETIME_FORMAT
from config.formats.nl_BE.formats import TIME_FORMAT as TIME_FORMAT
from config.formats.nl_BE.formats import YEAR_MONTH_FORMAT as YEAR_MONTH_FORMAT

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
