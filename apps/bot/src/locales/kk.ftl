# Командалар
cmd-start = Бастау және басты мәзір
cmd-help = Мен не істей аламын
cmd-done = Бүгінгі әдеттерді белгілеу
cmd-new = Әдет құру
cmd-habits = Әдеттеріңіз
cmd-rewards = Сыйлықтарыңыз
cmd-streaks = Сериялар
cmd-stats = Статистика
cmd-settings = Баптаулар
cmd-cancel = Ағымдағы қадамнан шығу

# Алғашқы танысу
start-welcome = 👋 Қош келдіңіз, { $name }! Мен әдет қалыптастыруға, серияны сақтауға және өзіңіз таңдаған сыйлықтарды алуға көмектесемін.
start-ask-timezone = 🌍 Алдымен уақыт белдеуіңіз, күніңіз өз түн ортаңызда аяқталуы үшін. Батырманы басыңыз, орналасқан жеріңізді жіберіңіз немесе белдеуді не қаланы жазыңыз (мысалы, <code>Asia/Almaty</code> немесе <code>Астана</code>).
timezone-location-button = 📍 Орналасқан жерімді жіберу
timezone-unknown = 🤔 «{ $input }» уақыт белдеуін білмеймін. Алматы не Астана сияқты қаланы, Asia/Almaty сияқты белдеуді немесе UTC+5 сияқты бүтін сағаттық ығысуды жазыңыз.
timezone-location-unknown = 🤔 Бұл жердің уақыт белдеуін анықтай алмадым. Белдеуді таңдаңыз немесе қаланы жазыңыз.
timezone-set = ✅ Уақыт белдеуі: <b>{ $zone }</b>. Сізде қазір { $time }.
start-ready = Дайын! Алғашқы әдетті құрайық па? Төмендегі батырманы басыңыз немесе мәзірді ашыңыз.
start-zone-later = 🌍 Уақыт белдеуіңіз әзірге UTC. Оны таңдағыңыз келгенде /start жіберіңіз.
start-button-first-habit = ➕ Алғашқы әдетті құру

# Басты мәзір
menu-title = 🏠 <b>Басты мәзір</b>
menu-done = ✅ Бүгін орындалды
menu-habits = 🧩 Әдеттер
menu-rewards = 🎁 Сыйлықтар
menu-streaks = 🔥 Сериялар
menu-stats = 📊 Статистика
menu-settings = ⚙️ Баптаулар
menu-help = ❓ Көмек
button-back = ⬅️ Артқа
button-undo = ↩️ Болдырмау
coming-soon = 🚧 Бұл бөлім әзірленуде. Әзірге жұмыс істейтіндер: ✅ Бүгін орындалды, 🔥 Сериялар және /new.

# Бүгін орындалды
done-title = ✅ <b>Бүгін не істедіңіз?</b>
done-no-habits = Әзірге әдеттеріңіз жоқ. Біріншісін /new арқылы құрыңыз.
done-nothing-due = 🎉 Бүгінге бәрі орындалды. Жарайсыз!
done-today-progress = Бүгін: { $bar } { $done }/{ $total }
done-logged = ✅ <b>{ $habit }</b> орындалды! 🔥 Серия: { $streak }
done-logged-period = ✅ <b>{ $habit }</b> орындалды! 📅 { $period ->
        [this-week] осы аптада
        [that-week] сол аптада
        [this-month] осы айда
       *[that-month] сол айда
    } { $done }/{ $target }
done-reward-won = 🎁 Сіз <b>{ $reward }</b> сыйлығының бір бөлігін алдыңыз! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> сіздікі: оны «Сыйлықтар» бөлімінен алыңыз.
done-reward-kept = 🎁 Бұл күн «{ $reward }» сыйлығын әкелген, және сіз оны алдыңыз.
done-no-reward = Бұл жолы сыйлық жоқ. Жалғастыра беріңіз!
done-add-a-reward = 🎁 /rewards бөлімінде сыйлық қосыңыз: орындалған әр әдет оның бір бөлігін әкелуі мүмкін.
done-milestone-streak = 🏅 Қатарынан { $days } күн!
done-milestone-target = 🏅 Мақсатқа жеттіңіз: { $count } рет орындалды!
undo-done = ↩️ Болдырылмады: <b>{ $habit }</b>, { $date }.
undo-reward-taken = «{ $reward }» сыйлығының бөлігі қайтарылды.
undo-nothing = Болдырмайтын ештеңе жоқ.
undo-pick = ↩️ <b>Нені болдырмау керек?</b> Әр әдеттің соңғы белгісі:
undo-pick-button = { $habit } · { $day }
undo-nothing-logged = Әзірге белгі жоқ, болдырмайтын ештеңе жоқ.

# Сериялар
streaks-title = 🔥 <b>Сериялар</b>
streaks-line = { $habit }: қазір { $current }, ең үздігі { $longest }
streaks-none = Әзірге әдет жоқ. Біріншісін /new арқылы құрыңыз.

# Бас тартулар
error-already-completed = { $date } күні үшін белгіленген.
error-habit-archived = Бұл әдет мұрағатта.
error-future-date = Ол күн әлі келген жоқ.
error-outside-window = 7 күннен артық кері белгілеуге болмайды.
error-before-start = Бұл әдет { $date } басталады.
error-after-end = Бұл әдет { $date } аяқталды.
error-stale-button = ⌛ Бұл батырма ескірген.
error-generic = 😕 Менде бірдеңе дұрыс болмады. Қайталап көріңіз.

# Басқасы
hint-free-text = Түсінбедім. Мәзірді немесе /help пайдаланыңыз.
cancel-done = Жақсы, болдырылмады.
cancel-nothing = Болдырмайтын ештеңе жоқ.
help-text =
    <b>Мен не істей аламын</b>
    /done — бүгінгі әдеттерді белгілеу (📅 «Басқа күн» — соңғы 7 күн үшін)
    /undo — әдеттің соңғы белгісін болдырмау
    /new — әдет құру; /habits — өзгерту, мұрағаттау немесе жою
    /rewards — сыйлықтарыңыз, ұтқанды алу
    /streaks — қазіргі және ең үздік сериялар
    /stats — табыс деңгейі және 4 апталық күнтізбелер
    /settings — тіл, уақыт белдеуі, сыйлық мүмкіндігі, еске салғыштар, API қолжетімділігі, экспорт
    /cancel — ағымдағы қадамнан шығу
    Орындалған әр әдет сіз белгілеген сыйлықтың бір бөлігін ұтып әкелуі мүмкін.

# Еске салғыштар
reminder-text = ⏰ Уақыты келді: <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Орындалды
reminder-snooze = 💤 Бір сағаттан кейін
reminder-snoozed = 💤 <b>{ $habit }</b> туралы { $time } еске саламын.
reminder-already-done = ✅ Бұл күнге орындалған: еске салатын ештеңе жоқ.
reminder-skip = Бүгін өткізу
reminder-skipped = Жақсы, <b>{ $habit }</b> бүгін өткізіледі.

# Шолулар (күнделікті таңдалған уақытта, апталық жексенбі сайын)
summary-daily-title = 📰 <b>Сіздің күніңіз</b>, { $day }
summary-daily-score = Орындалды: <b>{ $done } / { $total }</b>
summary-daily-nothing-due = Бүгін ештеңе жоспарланбаған еді.
summary-habit-done = ✅ { $habit }
summary-habit-open = ⬜ { $habit }
summary-streak = 🔥 { $days }
summary-daily-all-done = 🎉 Бәрі орындалды. Жарайсыз!
summary-daily-still-due = ⏳ Бүгінге қалғаны: { $count }. Әлі уақыт бар.
summary-live-streaks = 🔥 Тірі сериялар: { $count }
summary-weekly-title = 📰 <b>Сіздің аптаңыз</b>, { $from } – { $to }
summary-weekly-overall = Жалпы: <b>{ $rate }%</b> (орындалды { $completions }, күтілді { $expected })
summary-weekly-habit = • { $habit }: { $completions } / { $expected }, <b>{ $rate }%</b>

# Әдеттер: әдет құру және өзгерту, әдеттер экраны
habit-new-title = ➕ <b>Жаңа әдет</b>
habit-edit-title = ✏️ <b>Өзгерту: { $name }</b>
habit-ask-name = ✍️ Қандай әдет? 100 таңбаға дейінгі атауын жіберіңіз, мысалы <i>10 бет оқу</i> немесе <i>🏃 Таңертеңгі жүгіру</i>.
habit-ask-schedule = 📅 Қаншалықты жиі?
habit-ask-days = 📅 Қажет күндерді белгілеп, <b>Дайын</b> батырмасын басыңыз.
habit-ask-times-weekly = 🔁 Аптасына неше рет? Басыңыз немесе 1-ден 7-ге дейінгі санды жіберіңіз.
habit-ask-times-monthly = 🔁 Айына неше рет? Басыңыз немесе 1-ден 31-ге дейінгі санды жіберіңіз.
habit-ask-grace = 🛟 Жеңілдік күндері: серияны жоғалтпай қатарынан неше қажет күнді өткізіп алуға болады?
habit-ask-weight = ⚖️ Салмағы: әдет сыйлықтарға қаншалықты әсер етеді (көбірек болса, мүмкіндік жоғары). Басыңыз немесе 1-ден 100-ге дейінгі санды жіберіңіз.
habit-ask-reminders = ⏰ Еске салғыштар: уақытты басыңыз немесе өзіңіздікін жіберіңіз, мысалы <code>07:30</code> (5-ке дейін), содан кейін <b>Дайын</b>.
habit-reminders-chosen = Таңдалғаны: { $times }
habit-current = Қазір: { $value }
habit-button-daily = Күн сайын
habit-button-weekdays = Жұмыс күндері (Дс–Жм)
habit-button-days = Күндерді таңдау
habit-button-weekly = Аптасына N рет
habit-button-monthly = Айына N рет
habit-button-done = ✅ Дайын
habit-button-no-reminders = 🔕 Еске салғышсыз
habit-button-save = 💾 Сақтау
habit-button-skip = ⏭ Өткізу
habit-button-cancel = ✖️ Бас тарту
habit-button-open = 🧩 Әдетті ашу
habit-button-menu = 🏠 Мәзір
habit-button-edit = ✏️ Өзгерту
habit-button-archive = 🗄 Мұрағатқа
habit-button-unarchive = ♻️ Мұрағаттан қайтару
habit-button-delete = 🗑 Жою
habit-button-delete-yes = 🗑 Иә, жою
habit-button-delete-no = ↩️ Жоқ, қалдыру
habit-day-1 = Дс
habit-day-2 = Сс
habit-day-3 = Ср
habit-day-4 = Бс
habit-day-5 = Жм
habit-day-6 = Сб
habit-day-7 = Жс
habit-days-none = Кемінде бір күнді таңдаңыз.
habit-flow-cancelled = Жақсы, болдырылмады. Ештеңе сақталған жоқ.
habit-flow-text-only = Мәтін жіберіңіз немесе батырманы басыңыз (не /cancel).
habit-flow-use-buttons = 👇 Батырмалардың бірін басыңыз.
habit-summary = 📝 Тексеріп, сақтаңыз:
habit-line-name = 🧩 <b>{ $name }</b>
habit-line-schedule = 📅 { $schedule }
habit-line-grace = 🛟 Жеңілдік күндері: { $days }
habit-line-weight = ⚖️ Салмағы: { $weight }
habit-line-reminders = ⏰ Еске салғыштар: { $times }
habit-line-streak = 🔥 Серия: { $current } (ең үздігі { $longest })
habit-line-archived = 🗄 Мұрағатта
habit-schedule-daily = Күн сайын
habit-schedule-weekdays = Жұмыс күндері (Дс–Жм)
habit-schedule-days = Күндері: { $days }
habit-schedule-weekly = Аптасына { $count } рет
habit-schedule-monthly = Айына { $count } рет
habit-reminders-none = жоқ
habit-field-name = Атауы
habit-field-frequency = Рет саны
habit-field-exemptWeekdays = Күндер
habit-field-allowedSkipDays = Жеңілдік күндері
habit-field-weight = Салмағы
habit-field-reminders = Еске салғыштар
habit-field-other = Мәні
habit-error-required = ⚠️ { $field }: бос болмауы керек.
habit-error-too-short = ⚠️ { $field }: тым қысқа, кемінде { $limit } таңба.
habit-error-too-long = ⚠️ { $field }: тым ұзын, ең көбі { $limit } таңба.
habit-error-too-small = ⚠️ { $field }: кемінде { $limit }.
habit-error-too-large = ⚠️ { $field }: ең көбі { $limit }.
habit-error-not-integer = ⚠️ { $field }: бүтін сан керек.
habit-error-invalid-format = ⚠️ { $field }: пішімі { $limit } болуы керек.
habit-error-invalid-choice = ⚠️ { $field }: мұндай нұсқа жоқ.
habit-error-duplicate = ⚠️ { $field }: тізімде бар.
habit-error-before-start = ⚠️ { $field }: басталу күнінен ерте.
habit-error-not-allowed = ⚠️ { $field }: бұл кестемен мүмкін емес.
habit-error-name-taken = ⚠️ Сізде «{ $name }» деген әдет бар. Басқа атау таңдаңыз.
habit-error-not-number = ⚠️ «{ $input }» — сан емес. { $min }-ден { $max }-ге дейінгі бүтін санды жіберіңіз.
habit-error-number-range = ⚠️ «{ $input }» мұнда жарамайды: { $min }-ден { $max }-ге дейінгі бүтін санды жіберіңіз.
habit-error-time = ⚠️ «{ $input }» — уақыт емес. Оны СС:ММ түрінде жіберіңіз, мысалы <code>07:30</code>.
habit-created = ✅ <b>{ $name }</b> әдеті құрылды! Оны «✅ Бүгін орындалды» бөлімінде белгілеңіз.
habit-updated = ✅ Сақталды: <b>{ $name }</b>.
habit-gone = ⌛ Бұл әдет енді жоқ немесе мұрағатта.
habit-save-failed = 😕 Әдетті сақтай алмадым. /new арқылы қайта бастаңыз.
habit-limit-reached = 📦 Сізде { $max } әдет бар — бір аккаунтқа рұқсат етілген ең көп саны (мұрағаттағылар да саналады). Жаңасын қосу үшін қажет емесін жойыңыз.
tags-limit-reached = 📦 Сізде { $max } тег бар — бір аккаунтқа рұқсат етілген ең көп саны. Жаңасын қосу үшін қажет емесін жойыңыз.
habits-title = 🧩 <b>Әдеттеріңіз</b>
    Көру не өзгерту үшін әдетті басыңыз.
habits-empty = 🧩 Әзірге әдеттеріңіз жоқ. Біріншісін құрыңыз!
habits-hint-edit = Әдетті таңдап, ✏️ Өзгерту батырмасын басыңыз.
habits-hint-remove = Әдетті таңдап, 🗄 Мұрағатқа не 🗑 Жою батырмасын басыңыз.
habits-button-new = ➕ Жаңа әдет
habits-button-archived = 🗄 Мұрағат ({ $count })
habits-archived-title = 🗄 <b>Мұрағаттағы әдеттер</b>
    Тарихы сақталады. Қайтару не жою үшін әдетті басыңыз.
habits-archived-empty = 🗄 Мұрағат бос.
habit-delete-confirm = 🗑 <b>{ $name }</b> әдетін бүкіл тарихымен жою керек пе? Мұны қайтару мүмкін емес.
habit-archived-toast = 🗄 Мұрағатқа жіберілді: { $name }
habit-unarchived-toast = ♻️ Әдеттерге қайтарылды: { $name }
habit-deleted-toast = 🗑 Жойылды: { $name }
habit-unarchive-name-taken = «{ $name }» деген белсенді әдет бар. Алдымен оның атын өзгертіңіз.

# Сыйлықтар
rewards-title = 🎁 <b>Сыйлықтарыңыз</b>
rewards-empty = 🎁 Әзірге сыйлық жоқ. Өзіңізді қуантатын нәрсе қосыңыз: әр орындалған әдет оның бір бөлігін әкелуі мүмкін.
rewards-button-add = ➕ Сыйлық қосу
rewards-button-history = 📜 Тарих
rewards-claim-title = 🏆 <b>Алуға дайын</b>
    Алу үшін сыйлықты басыңыз.
rewards-claim-none = Әзірге алатын ештеңе жоқ. Бөліктер жинау үшін әдеттеріңізді орындаңыз.
rewards-edit-choose = ✏️ Қай сыйлықты өзгертесіз?
rewards-history-title = 📜 <b>Алынған сыйлықтар</b>
rewards-history-line = { $date }, { $time } · <b>{ $name }</b>
rewards-history-more = …және бұрынғы тағы { $count }.
rewards-history-empty = 📜 Сіз әлі сыйлық алған жоқсыз.
reward-progress = { $bar } { $earned }/{ $required } · { $status }
reward-status-pending = жиналуда
reward-status-achieved = 🏆 алуға болады
reward-status-claimed = ✅ алынды
reward-status-inactive = ⏸ тоқтатылған
reward-card =
    🎁 <b>{ $name }</b>
    { $progress }
    ⚖️ Салмағы: { $weight }
    { $recurring ->
        [yes] 🔁 Қайталанатын: алғаннан кейін оны қайта ұтуға болады
       *[no] 1️⃣ Бір реттік: алынғаннан кейін жабылады
    }
    { $active ->
        [yes] ▶️ Белсенді: орындалған әдеттер оны әкелуі мүмкін
       *[no] ⏸ Тоқтатылған: ұтысқа қатыспайды
    }
    🏆 Алынған саны: { $times }
reward-button-claim = 🎉 Алу
reward-button-edit = ✏️ Өзгерту
reward-button-activate = ▶️ Қосу
reward-button-deactivate = ⏸ Тоқтату
reward-button-delete = 🗑 Жою
reward-button-delete-yes = 🗑 Иә, жою
reward-button-delete-force = 🗑 Бөліктерімен бірге жою
reward-button-keep = ↩️ Жоқ, қалдыру
reward-claimed-toast = 🎉 Алынды!
reward-claimed = 🎉 <b>{ $name }</b> сіздікі! Ләззат алыңыз, сіз оған лайықсыз.
reward-claimed-recurring = 🔁 Қайта ұту үшін { $required } бөлік жинаңыз.
reward-claimed-once = Бұл бір реттік сыйлық еді, енді ол жабылады.
reward-not-achieved = ⏳ Әлі ерте: { $earned }/{ $required } бөлік жиналды.
reward-already-claimed = ✅ Бұл сыйлық алынып қойған.
reward-activated = ▶️ Қосылды: ол қайтадан ұтысқа қатысады.
reward-deactivated = ⏸ Тоқтатылды: қайта қоспайынша ұтысқа қатыспайды.
reward-activate-name-taken = «{ $name }» деген белсенді сыйлық бар. Алдымен біреуінің атын өзгертіңіз.
reward-activate-claimed = Бұл бір реттік сыйлық алынған, ол мұрағатта қалады. Оны қайта ұту үшін жаңа сыйлық ретінде қосыңыз.
reward-delete-confirm = 🗑 <b>{ $name }</b> жойылсын ба?
reward-delete-has-pieces = ⚠️ <b>{ $name }</b> сыйлығында алынбаған { $pieces } бөлік бар. Олар жоғалады. Бәрібір жою керек пе?
reward-deleted = 🗑 <b>{ $name }</b> жойылды.
reward-form-new-title = ➕ <b>Жаңа сыйлық</b>
reward-form-edit-title = ✏️ <b>Өзгерту: { $name }</b>
reward-form-ask-name = Өзіңізді немен қуантасыз? Атауын жазыңыз (мысалы: 🍫 Шоколад, 🎬 Кино кеші).
reward-form-ask-weight = ⚖️ Басқа сыйлықтармен салыстырғанда ол қаншалықты жиі түсуі керек? Салмақты басыңыз немесе сан жазыңыз (көп болса — жиірек).
reward-form-ask-pieces = 🧩 Оны алу үшін қанша бөлік жинау керек? Басыңыз немесе бүтін сан жазыңыз (1 — бірден).
reward-form-ask-recurring = 🔁 Алғаннан кейін оны қайта ұтуға бола ма?
reward-form-recurring-yes = 🔁 Иә, қайта-қайта
reward-form-recurring-no = 1️⃣ Жоқ, бір рет
reward-form-current = Қазір: <b>{ $value }</b>
reward-form-summary =
    🎁 <b>{ $name }</b>
    ⚖️ Салмағы: { $weight }
    🧩 Жинайтын бөлік: { $pieces }
    { $recurring }
reward-form-save = 💾 Сақтау
reward-form-skip = ⏭ Өткізу
reward-form-cancel = ✖️ Бас тарту
reward-form-saved = ✅ Сақталды!
reward-form-cancelled = Жақсы, ештеңе сақталмады.
reward-form-tap-button = 👇 Батырмалардың бірін басыңыз.
reward-form-text-only = ✍️ Мәтінмен немесе батырмалармен жауап беріңіз (немесе /cancel).
reward-form-name-taken = «{ $name }» деген белсенді сыйлығыңыз бар. Басқа атау таңдаңыз.
reward-limit-reached = 📦 Сізде { $max } сыйлық бар — бір аккаунтқа рұқсат етілген ең көп саны (белсенді еместері де саналады). Жаңасын қосу үшін қажет емесін жойыңыз.
reward-invalid-name-required = Атауы бос болмауы керек.
reward-invalid-name-too-long = Атауы тым ұзын: ең көбі { $limit } таңба.
reward-invalid-weight = Салмақ 0-ден үлкен және { $max }-ден аспайтын сан болуы керек, мысалы 2 немесе 2,5.
reward-invalid-pieces = Бөлік саны 1-ден { $max }-ге дейінгі бүтін сан болуы керек.

# Stats
stats-none = 📊 Әзірге әдет жоқ, сондықтан статистика да жоқ. Алғашқысын жасаңыз: /new.
stats-title = 📊 <b>Статистика</b> · соңғы 30 күн
stats-overall = Жалпы табыс: <b>{ $rate }%</b> ({ $expected } ішінен { $achieved })
stats-live-streaks = 🔥 Белсенді сериялар: { $habits } ішінен { $live }
stats-habit-line = • <b>{ $habit }</b>: { $rate }% · 🔥 { $current } (рекорд { $longest })
stats-habit-button = 📅 { $habit }
stats-pick-habit = 4 апталық күнтізбесін көру үшін әдетті басыңыз.
stats-habit-title = 📊 <b>{ $habit }</b>
stats-habit-rate = Соңғы 30 күндегі табыс: <b>{ $rate }%</b> ({ $expected } ішінен { $achieved })
stats-habit-streak = 🔥 Серия: қазір { $current }, рекорд { $longest }
stats-calendar-title = <b>Соңғы 4 апта</b> (Дс → Жс)
stats-calendar-legend = 🟩 орындалды · ⬜ өткізілді · ▫️ қажет емес · ✅ / 🔲 бүгін (орындалды / әлі жоқ)

# Settings
settings-title = ⚙️ <b>Баптаулар</b>
settings-language-line = 🌐 Тіл: { $language }
settings-timezone-line = 🌍 Уақыт белдеуі: { $zone }
settings-odds-line = 🎁 Сыйлық мүмкіндігі: { $level ->
        [more] жоғары
        [normal] қалыпты
        [fewer] төмен
       *[custom] өз баптауыңыз
    } (әдеттегі салмақты әдет шамамен { $chance }% жағдайда бөлік ұтады), соңғы әдет кепілдігі { $guarantee ->
        [on] қосулы
       *[off] өшірулі
    }
settings-reminders-line = ⏰ Еске салғыштар: { $enabled ->
        [on] қосулы
       *[off] өшірулі
    }, тыныш сағаттар: { $quiet }
settings-summary-line = 📰 Шолу: { $mode ->
        [daily] күн сайын { $time }
        [weekly] жексенбі сайын { $time }
       *[off] өшірулі
    }
settings-quiet-off = жоқ
settings-chosen = ✅ { $label }
settings-saved = ✅ Сақталды
settings-button-language = 🌐 Тіл
settings-button-timezone = 🌍 Уақыт белдеуі
settings-button-odds = 🎁 Сыйлық мүмкіндігі
settings-button-reminders = ⏰ Еске салғыштар
settings-button-summary = 📰 Шолу
settings-button-api = 🔑 API қолжетімділігі
settings-button-export = 📦 Деректерімді жүктеу
settings-language-en = 🇬🇧 English
settings-language-ru = 🇷🇺 Русский
settings-language-kk = 🇰🇿 Қазақша
settings-language-title = 🌐 <b>Тіл</b>
    Сізбен қай тілде сөйлесейін?
settings-timezone-ask = 🌍 Сіздің уақыт белдеуіңіз: <b>{ $zone }</b>. Жаңасын таңдаңыз, орныңызды жіберіңіз немесе белдеуді не қаланы жазыңыз (мысалы, <code>Asia/Almaty</code> немесе <code>Алматы</code>).
settings-timezone-keep = ✖️ Қазіргісін қалдыру
settings-timezone-kept = Жарайды, уақыт белдеуі өзгермейді.
settings-timezone-gave-up = Әзірге уақыт белдеуін өзгертпейік. ⚙️ Баптаулардан қайта көріңіз.
settings-odds-title = 🎁 <b>Сыйлық мүмкіндігі</b>
settings-odds-explain = Орындалған әр әдет сыйлықтың бір бөлігін ұтып алуға мүмкіндік береді. «Сыйлықсыз» салмағы қаншалықты жиі ұтатыныңызды анықтайды: қазір { $weight }, сондықтан қалыпты салмақты әдет алғашқы күні шамамен <b>{ $chance }%</b> ұтады, ал серия өскен сайын жиірек.
settings-guarantee-explain = { $guarantee ->
        [on] 🎯 Соңғы әдет кепілдігі (қосулы): бүгінгі соңғы әдетті орындау әрқашан бір бөлік әкеледі, егер оны қабылдайтын сыйлық болса.
       *[off] 🎯 Соңғы әдет кепілдігі (өшірулі): бүгінгі соңғы әдет басқалары сияқты ұтысқа қатысады. Кепілдікті қоссаңыз, оны орындау әрқашан бір бөлік әкеледі, егер оны қабылдайтын сыйлық болса.
    }
settings-odds-more = 🎁 Көбірек сыйлық ({ $weight })
settings-odds-normal = ⚖️ Қалыпты ({ $weight })
settings-odds-fewer = 🧘 Азырақ сыйлық ({ $weight })
settings-guarantee-button = { $guarantee ->
        [on] 🎯 Кепілдікті қосу
       *[off] 🎯 Кепілдікті өшіру
    }
settings-reminders-title = ⏰ <b>Еске салғыштар</b>
settings-reminders-state = Еске салғыштар { $enabled ->
        [on] <b>қосулы</b>.
       *[off] <b>өшірулі</b>: мен оларды жібермеймін.
    }
settings-quiet-state = Тыныш сағаттар: { $quiet } (бұл уақытта еске салғыш жоқ).
settings-reminders-toggle = { $enabled ->
        [on] 🔔 Еске салғыштарды қосу
       *[off] 🔕 Еске салғыштарды өшіру
    }
settings-quiet-preset = 🌙 Тыныштық { $start }–{ $end }
settings-quiet-none = 🔊 Тыныш сағатсыз
settings-summary-title = 📰 <b>Шолу</b>
settings-summary-explain = Қысқа шолу: күн сайын таңдалған уақытта (сіздің күніңіз: не орындалды, не қалды, серияларыңыз) немесе жексенбі сайын (сіздің аптаңыз: әр әдеттің табысы). Тыныш сағаттарда да, еске салғыштар өшірулі болса да, таңдалған уақытта келеді.
settings-summary-off = 🔕 Өшірулі
settings-summary-daily = 📅 Күн сайын
settings-summary-weekly = 🗓 Аптасына бір рет, жексенбіде
settings-summary-time = 🕘 { $time }
settings-summary-time-ask = Қай уақытта ({ $zone })?
settings-export-sending = 📦 Деректеріңізді дайындап жатырмын…
settings-export-caption = 📦 Сіздің деректеріңіз: аккаунт, әдеттер, орындаулар, сыйлықтар және алынған сыйлықтар (JSON).

# Done for another day
backdate-button = 📅 Басқа күн
backdate-pick-habit = 📅 <b>Басқа күні орындалды</b>
    Қай әдет?
backdate-pick-day = 📅 <b>{ $habit }</b>: қай күні? ({ $days } күн бұрынға дейін)
backdate-today = Бүгін
backdate-yesterday = Кеше
backdate-day-logged = ✅ { $day }
backdate-confirm = <b>{ $habit }</b> әдетін <b>{ $day }</b> күні орындалды деп белгілейін бе?
backdate-confirm-target = <b>{ $habit }</b> әдетін <b>{ $day }</b> күні орындалды (мақсатқа жетті) деп белгілейін бе?
backdate-confirm-yes = ✅ Иә, белгілеу
backdate-logged-for = 📅 { $day }

# API қолжетімділігі
api-title = 🔑 <b>API қолжетімділігі</b>
api-explain = Басқа қолданбалар біздің REST API арқылы әдеттеріңізді жүргізе алады. Қолданбаға кіру үшін бір реттік <b>кіру кодын</b> алыңыз. Өз скрипттеріңіз үшін <b>API кілтін</b> жасап, оны <code>X-API-Key</code> тақырыбында жіберіңіз. Код пен кілтті ешкімге бермеңіз: мен оларды ешқашан сұрамаймын.
api-keys-none = Сізде API кілттері жоқ.
api-keys-title = <b>API кілттеріңіз</b>
api-key-line = • <b>{ $name }</b> <code>{ $prefix }…</code> · { $scopes } · жасалды { $created } · соңғы рет: { $used }
api-key-never-used = әлі қолданылмаған
api-scope-read = тек оқу
api-scope-write = тек жазу
api-scope-read-write = оқу және жазу
api-keys-hint = Кілт әдеттеріңізді, тегтеріңізді және марапаттарыңызды оқи не өзгерте алады, бірақ аккаунтты, құпиясөзді немесе басқа кілттерді ешқашан өзгерте алмайды. Танымайтын не енді қолданбайтын кілтті кері қайтарып алыңыз.
api-button-code = 🔢 Кіру кодын алу
api-button-new-key = ➕ Жаңа API кілті
api-button-new-read-key = ➕ Тек оқуға арналған жаңа кілт
api-button-revoke = 🗑 { $name } кілтін қайтарып алу
api-revoke-confirm = 🗑 <b>{ $name }</b> (<code>{ $prefix }…</code>) кілтін қайтарып аласыз ба? Оны қолданатын қолданбалар бірден қолжетімділіктен айырылады.
api-button-revoke-yes = 🗑 Иә, қайтарып алу
api-revoked-toast = 🗑 Кілт қайтарып алынды.
api-button-forget = 🧹 Сақтадым: хабарды жою
api-forgotten = 🧹 Жойылды.
api-code = 🔢 Кіру кодыңыз: <code>{ $code }</code>
    Ол бір рет, { $minutes } минут ішінде жарамды. Оны сұраған қолданбаға енгізіңіз.
api-code-limit = Сағатына { $limit } кіру кодын алуға болады. Келесісі { $time }.
login-code-message = 🔐 Бір қолданба Telegram арқылы аккаунтыңызға кіруді сұрады. Кіру кодыңыз: <code>{ $code }</code>
    Ол бір рет, { $minutes } минут ішінде жарамды. Бұл сіз болмасаңыз, бұл хабарламаға мән бермеңіз және кодты ешкімге айтпаңыз.
api-button-cancel = ✖️ Бас тарту
api-button-back-to-access = 🔑 API қолжетімділігі
api-key-ask-name = ➕ <b>Жаңа API кілті</b>
    Кілттерді ажырату үшін оның атауын жіберіңіз (мысалы: Менің скриптім). { $limit } таңбаға дейін.
api-key-name-empty = ⚠️ Атау бос болмауы керек. { $limit } таңбаға дейінгі атау жіберіңіз.
api-key-name-too-long = ⚠️ Атау тым ұзын: ең көбі { $limit } таңба. Қысқасын жіберіңіз.
api-key-made = 🗝 Жаңа API кілтіңіз <b>{ $name }</b>:
    <code>{ $key }</code>
    Оны қазір көшіріп алыңыз: мен оны тек бір рет көрсетемін және тек оның іздерін сақтаймын.
api-key-too-many = Сізде { $limit } API кілті бар. Жаңасын жасау үшін біреуін қайтарып алыңыз.
api-key-gave-up = Атау алмадым, сондықтан кілт жасалмады.
