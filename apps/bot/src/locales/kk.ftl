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
timezone-unknown = 🤔 «{ $input }» уақыт белдеуін білмеймін. Berlin сияқты қаланы немесе Asia/Almaty сияқты белдеуді жазып көріңіз.
timezone-set = ✅ Уақыт белдеуі: <b>{ $zone }</b>. Сізде қазір { $time }.
start-ready = Дайын! Алғашқы әдетті /new арқылы құрыңыз немесе мәзірді ашыңыз.

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
done-logged = ✅ <b>{ $habit }</b> орындалды! 🔥 Серия: { $streak }
done-reward-won = 🎁 Сіз <b>{ $reward }</b> сыйлығының бір бөлігін алдыңыз! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> сіздікі: оны «Сыйлықтар» бөлімінен алыңыз.
done-no-reward = Бұл жолы сыйлық жоқ. Жалғастыра беріңіз!
done-milestone-streak = 🏅 Қатарынан { $days } күн!
done-milestone-target = 🏅 Мақсатқа жеттіңіз: { $count } рет орындалды!
undo-done = ↩️ Болдырылмады: <b>{ $habit }</b>, { $date }.
undo-reward-taken = «{ $reward }» сыйлығының бөлігі қайтарылды.
undo-nothing = Болдырмайтын ештеңе жоқ.

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
    /done — бүгінгі әдеттерді белгілеу
    /new — әдет құру
    /streaks — сериялар
    /habits, /rewards, /stats, /settings
    /cancel — ағымдағы қадамнан шығу
    Әр орындалған әдет сіз белгілеген сыйлықтың бір бөлігін әкелуі мүмкін.

# Еске салғыштар
reminder-text = ⏰ Уақыты келді: <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Орындалды
reminder-snooze = 💤 Бір сағаттан кейін
reminder-snoozed = 💤 <b>{ $habit }</b> туралы { $time } еске саламын.
reminder-skip = Бүгін өткізу
reminder-skipped = Жақсы, <b>{ $habit }</b> бүгін өткізіледі.
